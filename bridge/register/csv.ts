// CSV that stays data when a spreadsheet opens it, in any locale. RFC 4180's
// shape (comma-separated, CRLF line ends, quotes doubled inside a quoted
// field), with three rules for text cells, because titles, references and
// reasons come from other authorities and the file is opened on an officer's
// machine (docs/decisions.md, "Exports that stay data"):
// 1. Every text cell is quoted; numbers and booleans are written bare, so they
//    stay numbers.
// 2. Formula triggers are neutralised with an apostrophe wherever a cell can
//    begin: at the start of the text and after every character a spreadsheet
//    may split on — `,` `;` (Excel and LibreOffice in es/fr/pt/ru split on `;`,
//    where the quotes written for `,` mean nothing), tab, CR, LF, U+2028,
//    U+2029 — passing over white space, quotes and invisible format characters
//    first, which an import may trim. A trigger is `=` `+` `-` `@`, U+2212
//    MINUS SIGN, or any character whose compatibility form (NFKC) starts with
//    one of them (full-width `＝` U+FF1D, small `﹦` U+FE66, superscripts…);
//    an apostrophe found there is escaped the same way, so the rule can be
//    undone exactly (csv-read.ts).
// 3. A cell whose text carries characters a spreadsheet would hide or act on —
//    bidirectional controls, C0/C1 control characters other than tab, CR and
//    LF, unpaired surrogates — is marked: it starts with MARKER and each such
//    character (and each `<`) is written as `<U+XXXX>`. So is a text that
//    itself starts with MARKER, so that a marker always means this rule.
import { BIDI_CONTROLS } from '../../policies/text/bidi.ts';

export type Cell = string | number | boolean | null;

/** Starts a marked cell (rule 3). */
export const MARKER = '[CONTROLS] ';

/** The character that neutralises a trigger (rule 2). */
export const NEUTRALISER = "'";

/** A character after which a spreadsheet may begin a new cell (in some separator convention, or a new row). */
export const BOUNDARY = /[,;\t\n\r\u2028\u2029]/u;
/** What an import may trim or drop before a cell's content: white space, quotes, invisible format characters. */
export const SKIPPED = /[\s"\p{Cf}]/u;
const TRIGGERS = new Set(['=', '+', '-', '@', '\u2212']);

/** A character (one code point) that starts a formula, or the neutraliser itself. */
export function needsNeutraliser(char: string): boolean {
	return char === NEUTRALISER || TRIGGERS.has(char) || TRIGGERS.has([...char.normalize('NFKC')][0] ?? '');
}

/** Rule 2: an apostrophe before each trigger (or apostrophe) that can begin a cell in any separator convention. */
export function neutralise(text: string): string {
	let out = '';
	let atStart = true;
	for (const char of text) {
		if (atStart && !SKIPPED.test(char)) {
			if (needsNeutraliser(char)) out += NEUTRALISER;
			atStart = false;
		}
		if (BOUNDARY.test(char)) atStart = true;
		out += char;
	}
	return out;
}

const HIDDEN = new RegExp(`[\\p{Cc}\\p{Cs}${[...BIDI_CONTROLS.keys()].map((c) => `\\u{${c.toString(16)}}`).join('')}]`, 'gu');
const KEPT_CONTROLS = new Set(['\t', '\r', '\n']);

const codePointToken = (char: string): string => `<U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`;

/** Whether rule 3 applies: the text carries a character a spreadsheet would hide or act on, or starts with the marker. */
export function needsMarking(text: string): boolean {
	if (text.startsWith(MARKER)) return true;
	for (const [char] of text.matchAll(HIDDEN)) if (!KEPT_CONTROLS.has(char)) return true;
	return false;
}

/** Rule 3: the marker, then the text with its hidden characters and `<` written as `<U+XXXX>`. */
export function mark(text: string): string {
	return MARKER + text.replace(/</g, codePointToken).replace(HIDDEN, (char) => (KEPT_CONTROLS.has(char) ? char : codePointToken(char)));
}

/** One text cell's content before CSV quoting: rule 3 if it applies, then rule 2. */
export const safeText = (text: string): string => neutralise(needsMarking(text) ? mark(text) : text);

export function csvCell(value: Cell): string {
	if (value === null) return '';
	if (typeof value !== 'string') return String(value);
	return `"${safeText(value).replaceAll('"', '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
