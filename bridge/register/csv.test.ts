import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { originalText, readCsv } from './csv-read.ts';
import { csvCell, MARKER, toCsv } from './csv.ts';

const RLO = '\u202E';

// Written out again here rather than imported, so that a change to csv.ts's rule cannot weaken the test with it.
const SPLITS = /[,;\t\r\n\u2028\u2029]/u;
const TRIMMED = /[\s"\p{Cf}]/u;

/** Every place in a CSV document where some spreadsheet, splitting on any of , ; tab CR LF, may begin a cell, and what it finds there. */
function cellStarts(document: string): string[] {
	const found: string[] = [];
	const chars = [...document];
	let atStart = true;
	for (const char of chars) {
		if (atStart && !TRIMMED.test(char)) {
			found.push(char);
			atStart = false;
		}
		if (SPLITS.test(char)) atStart = true;
	}
	return found;
}

const isTrigger = (char: string) => /^[=+\-@\u2212]/.test(char.normalize('NFKC'));

describe('CSV cells', () => {
	it('quotes every text cell and writes numbers and booleans bare', () => {
		expect(csvCell('plain text')).toBe('"plain text"');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "no"')).toBe('"say ""no"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('Operación Cóndor — ГП-2025/17')).toBe('"Operación Cóndor — ГП-2025/17"');
		expect(csvCell('2026-03-31')).toBe('"2026-03-31"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(false)).toBe('false');
	});

	it('neutralises a formula at the start of a cell', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell("=cmd|' /C calc'!A0")).toBe(`"'=cmd|' /C calc'!A0"`);
		expect(csvCell('+1+1')).toBe(`"'+1+1"`);
		expect(csvCell('-2+3')).toBe(`"'-2+3"`);
		expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
		// NOTE: a text of only "-" or a negative-looking reference stays text: a cell from another party is never a number.
		expect(csvCell('-')).toBe(`"'-"`);
		expect(csvCell('-5')).toBe(`"'-5"`);
	});

	it('neutralises a formula wherever a cell can begin in the comma, semicolon or tab convention, or on a new line', () => {
		expect(csvCell('Fraude;=HYPERLINK("http://evil","x")')).toBe(`"Fraude;'=HYPERLINK(""http://evil"",""x"")"`);
		expect(csvCell('Fraude,=1+1')).toBe(`"Fraude,'=1+1"`);
		expect(csvCell('a\t@x')).toBe(`"a\t'@x"`);
		expect(csvCell('first line\n=1+1')).toBe(`"first line\n'=1+1"`);
		expect(csvCell('first line\r\n-1+1')).toBe(`"first line\r\n'-1+1"`);
		expect(csvCell('a\u2028+1')).toBe(`"a\u2028'+1"`);
	});

	it('looks past white space, quotes and invisible characters an import may trim', () => {
		expect(csvCell(' =1+1')).toBe(`" '=1+1"`);
		expect(csvCell('\t=1+1')).toBe(`"\t'=1+1"`);
		expect(csvCell('x; \u00A0 =1')).toBe(`"x; \u00A0 '=1"`);
		expect(csvCell('x;"=1+1"')).toBe(`"x;""'=1+1"""`);
		expect(csvCell('x;" "=1')).toBe(`"x;"" ""'=1"`);
		expect(csvCell('\u200B=1')).toBe(`"\u200B'=1"`);
		expect(csvCell('\uFEFF@x')).toBe(`"\uFEFF'@x"`);
	});

	it('treats full-width, small and other compatibility forms of = + - @ and the minus sign as triggers', () => {
		for (const trigger of [
			'\uFF1D',
			'\uFE66',
			'\u207C',
			'\u208C',
			'\uFF0B',
			'\uFE62',
			'\u207A',
			'\uFF0D',
			'\uFE63',
			'\u2212',
			'\u207B',
			'\uFF20',
			'\uFE6B',
		])
			expect(csvCell(`${trigger}1+1`), `U+${trigger.codePointAt(0)?.toString(16)}`).toBe(`"'${trigger}1+1"`);
	});

	it('leaves a trigger alone where no cell can begin, and escapes an apostrophe where one can', () => {
		expect(csvCell('a=1')).toBe('"a=1"');
		expect(csvCell('Fase 2 - ejecución')).toBe('"Fase 2 - ejecución"');
		expect(csvCell('ana@example.org')).toBe('"ana@example.org"');
		expect(csvCell("'quoted'")).toBe(`"''quoted'"`);
		expect(csvCell("x;'=1")).toBe(`"x;''=1"`);
	});

	it('marks a cell that carries bidirectional controls and shows them', () => {
		expect(csvCell(`Invoice_${RLO}gpj.exe`)).toBe(`"${MARKER}Invoice_<U+202E>gpj.exe"`);
		// The marker now begins the cell, so the = after it begins nothing.
		expect(csvCell(`=x${RLO};=y`)).toBe(`"${MARKER}=x<U+202E>;'=y"`);
		expect(csvCell('a\u2066b\u2069<c>')).toBe(`"${MARKER}a<U+2066>b<U+2069><U+003C>c>"`);
	});

	it('marks and shows control characters, NUL included, and unpaired surrogates; keeps tab and line breaks', () => {
		expect(csvCell('a\u0000;=b')).toBe(`"${MARKER}a<U+0000>;'=b"`);
		expect(csvCell('a\u0085b\u007F')).toBe(`"${MARKER}a<U+0085>b<U+007F>"`);
		expect(csvCell('a\uD800b')).toBe(`"${MARKER}a<U+D800>b"`);
		expect(csvCell('a\uD83D\uDE00b')).toBe('"a\uD83D\uDE00b"');
		expect(csvCell('a\tb\nc\u0000')).toBe(`"${MARKER}a\tb\nc<U+0000>"`);
	});

	it('marks a text that starts like a marked cell, so the marker always means the rule', () => {
		expect(csvCell(`${MARKER}<U+202E>`)).toBe(`"${MARKER}${MARKER}<U+003C>U+202E>"`);
	});
});

describe('CSV documents', () => {
	it('end every record with CRLF, the header first', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x', 1],
					[null, 'y,z'],
				],
			),
		).toBe('"a","b"\r\n"x",1\r\n,"y,z"\r\n');
	});

	const texts = fc.oneof(
		fc.string({ unit: 'grapheme', maxLength: 30 }),
		fc.string({ unit: 'binary', maxLength: 30 }),
		fc
			.array(
				fc.constantFrom(
					'=',
					'+',
					'-',
					'@',
					"'",
					';',
					',',
					'\t',
					'\r',
					'\n',
					' ',
					'"',
					'<',
					'U+202E>',
					MARKER,
					RLO,
					'\u0000',
					'\uFF1D',
					'a',
					'1',
				),
				{ maxLength: 30 },
			)
			.map((parts) => parts.join('')),
	);

	it('give back every text exactly, whatever it holds', () => {
		fc.assert(
			fc.property(fc.array(fc.array(texts, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
				const read = readCsv(toCsv(['h'], rows)).slice(1);
				expect(read.map((row) => row.map(originalText))).toEqual(rows);
			}),
			{ numRuns: 1000 },
		);
	});

	it('never let a trigger begin a cell, however the file is split', () => {
		fc.assert(
			fc.property(fc.array(fc.array(texts, { minLength: 1, maxLength: 4 }), { maxLength: 5 }), (rows) => {
				const starts = cellStarts(toCsv(['room_id', 'title'], rows));
				expect(starts.filter(isTrigger)).toEqual([]);
			}),
			{ numRuns: 1000 },
		);
	});
});
