// WCAG 2.2 contrast between two sRGB colours written #rrggbb: the ratio of
// their relative luminances (lighter + 0.05) / (darker + 0.05), 1 to 21.
// Used by the tests of the design tokens (app.css); pure.

function channel(value: number): number {
	const c = value / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of a #rrggbb colour; undefined for anything else. */
export function luminance(hex: string): number | undefined {
	const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
	if (match === null) return undefined;
	const [r, g, b] = [match[1], match[2], match[3]].map((part) => channel(parseInt(part ?? '0', 16))) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two #rrggbb colours; undefined when either is not one. */
export function contrast(a: string, b: string): number | undefined {
	const la = luminance(a);
	const lb = luminance(b);
	if (la === undefined || lb === undefined) return undefined;
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}
