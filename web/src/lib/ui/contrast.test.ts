// The design tokens keep WCAG 2.2 AA contrast in light and dark: text ≥ 4.5:1
// on every background it is drawn on, in every state of a button (hover,
// disabled, busy), and borders and the focus ring ≥ 3:1 (1.4.11). Busy and
// aria-disabled buttons keep their colours: no rule for them may change
// colour, background or opacity (a greyed-out busy primary button was 1.03:1).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast } from './contrast.ts';

const css = readFileSync(join(import.meta.dirname, '..', '..', 'app.css'), 'utf8');

/** The custom properties of the first block that follows `marker`. */
function tokens(marker: string): Record<string, string> {
	const start = css.indexOf(marker);
	const block = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
	return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*([^;]+);/g)].map((match) => [match[1] ?? '', (match[2] ?? '').trim()]));
}

const light = tokens(':root {');
const dark = { ...light, ...tokens('@media (prefers-color-scheme: dark)') };

const TEXT: readonly (readonly [string, string])[] = [
	['text', 'bg'],
	['text', 'surface'],
	['text', 'surface-strong'],
	['text', 'info-surface'],
	['text', 'warn-surface'],
	['text', 'bad-surface'],
	['text', 'ok-surface'],
	['muted', 'bg'],
	['muted', 'surface'],
	['muted', 'warn-surface'],
	['link', 'bg'],
	['link', 'surface'],
	['link', 'surface-strong'],
	['on-primary', 'primary'],
	['on-primary', 'primary-hover'],
	['on-danger', 'danger'],
	['on-danger', 'danger-hover'],
	['disabled-text', 'disabled-bg'],
	['bad', 'bg'],
	['bad', 'bad-surface'],
	['ok', 'bg'],
	['ok', 'ok-surface'],
	['warn', 'bg'],
	['warn', 'warn-surface'],
];

const NON_TEXT: readonly (readonly [string, string])[] = [
	['border', 'bg'],
	['border', 'surface'],
	['focus', 'bg'],
	['focus', 'surface'],
	['primary', 'bg'],
	['danger', 'bg'],
];

describe.each([
	['light', light],
	['dark', dark],
])('the %s colours', (_name, colours) => {
	const ratio = (fg: string, bg: string): number => contrast(colours[fg] ?? '', colours[bg] ?? '') ?? 0;

	it.each(TEXT)('text in --%s on --%s is at least 4.5:1', (fg, bg) => {
		expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
	});

	it.each(NON_TEXT)('--%s against --%s is at least 3:1', (fg, bg) => {
		expect(ratio(fg, bg)).toBeGreaterThanOrEqual(3);
	});
});

describe('busy buttons', () => {
	it('keep their colours: no busy or aria-disabled rule changes colour, background or opacity', () => {
		const rules = [...css.matchAll(/([^{}]*aria-(?:busy|disabled)[^{}]*)\{([^}]*)\}/g)];
		expect(rules.length).toBeGreaterThan(0);
		for (const [, , body] of rules) expect(body).not.toMatch(/(^|[\s;])(color|background|opacity)\s*:/);
	});
});

describe('contrast', () => {
	it('is 21:1 for black on white, 1:1 for a colour on itself, and undefined for what is not #rrggbb', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#0b4f9c', '#0b4f9c')).toBe(1);
		expect(contrast('red', '#ffffff')).toBeUndefined();
	});
});
