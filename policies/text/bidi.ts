// Text that can lie about its direction. A title, reason or file name from
// another party may carry Unicode's bidirectional controls (UAX #9): an
// override (U+202E) makes "Invoice_gpj.exe" display as "Invoice_exe.jpg", and
// an isolate terminator (U+2069) or a paragraph separator inside a shown text
// escapes the isolation around it and reorders the words that follow — the
// page's own labels included. The record keeps such text verbatim (it is what
// the party sent); this module finds the controls, and prepares text for an
// isolated display in which nothing it carries can act outside it.
// Pure: used by the web app (shown text) and the bridge (exports).

/**
 * The explicit directional formatting characters of UAX #9 (embeddings and
 * overrides U+202A–U+202E, isolates U+2066–U+2069) and the implicit marks
 * (LRM U+200E, RLM U+200F, ALM U+061C).
 * NOTE: the marks are included although right-to-left writing uses them
 * legitimately: beside digits and punctuation they reorder what is shown
 * ("2025", RLM, "-01", RLM, "-02" displays as "202502-01-" in Chromium), and
 * a record of requests between authorities must not. A marked text is shown,
 * only flagged.
 */
export const BIDI_CONTROLS: ReadonlyMap<number, string> = new Map([
	[0x061c, 'ALM'],
	[0x200e, 'LRM'],
	[0x200f, 'RLM'],
	[0x202a, 'LRE'],
	[0x202b, 'RLE'],
	[0x202c, 'PDF'],
	[0x202d, 'LRO'],
	[0x202e, 'RLO'],
	[0x2066, 'LRI'],
	[0x2067, 'RLI'],
	[0x2068, 'FSI'],
	[0x2069, 'PDI'],
]);

const CONTROL_PATTERN = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** One bidirectional control in a text: its UTF-16 index, code point and UAX #9 abbreviation. */
export interface BidiControl {
	readonly index: number;
	readonly codePoint: number;
	readonly name: string;
}

/** Every bidirectional control the text carries, in order. */
export function bidiControls(text: string): BidiControl[] {
	return [...text.matchAll(CONTROL_PATTERN)].map((match) => {
		const codePoint = match[0].codePointAt(0) ?? 0;
		return { index: match.index, codePoint, name: BIDI_CONTROLS.get(codePoint) ?? '' };
	});
}

export const hasBidiControls = (text: string): boolean => text.search(CONTROL_PATTERN) !== -1;

const FSI = '\u2068';
const PDI = '\u2069';
const ISOLATE_INITIATORS = new Set(['\u2066', '\u2067', '\u2068']);

// Characters of bidi class B other than LF: each ends the bidi paragraph, and
// with it every isolation around the text (Chromium, measured: a U+2029 inside
// a <bdi> lets an override after it reverse the words after the element).
// CR is one only where white space is preserved; LF is not one in HTML.
// eslint-disable-next-line no-control-regex -- these control characters are what is looked for
const PARAGRAPH_SEPARATORS = /\r\n?|[\u001C-\u001E\u0085\u2029]/g;

/**
 * The text ready to be shown inside an isolate (an element with
 * `unicode-bidi: isolate`, `<bdi>`, or FSI…PDI): paragraph separators become
 * line feeds, and the isolates it opens or closes are balanced — an FSI before
 * it for each PDI that closes nothing of its own (such a PDI would close the
 * surrounding isolate), a PDI after it for each isolate left open. Embeddings
 * and overrides need nothing: the isolate's end closes them, and a PDF cannot
 * close an isolate (UAX #9, X6a and X7).
 * NOTE: the result differs from the text only when the text carries such
 * characters; the record keeps the text as it came.
 */
export function isolatable(text: string): string {
	const flat = text.replace(PARAGRAPH_SEPARATORS, '\n');
	let open = 0;
	let stray = 0;
	for (const char of flat) {
		if (ISOLATE_INITIATORS.has(char)) open += 1;
		else if (char === PDI) {
			if (open > 0) open -= 1;
			else stray += 1;
		}
	}
	return FSI.repeat(stray) + flat + PDI.repeat(open);
}

/** The text isolated in plain text (FSI … PDI), for places that take no markup: a document title, an option, an attribute. */
export const isolated = (text: string): string => FSI + isolatable(text) + PDI;

/** The text with each bidirectional control written as `<U+202E>`, for showing what it carries. */
export const revealBidiControls = (text: string): string =>
	text.replace(CONTROL_PATTERN, (char) => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
