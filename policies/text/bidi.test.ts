import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIDI_CONTROLS, bidiControls, hasBidiControls, isolatable, isolated, revealBidiControls } from './bidi.ts';

const RLO = '\u202E';
const PDI = '\u2069';
const FSI = '\u2068';
// eslint-disable-next-line no-control-regex -- UAX #9's paragraph separators include three control characters
const PARAGRAPH_SEPARATOR = /[\r\u001C-\u001E\u0085\u2029]/;

/**
 * UAX #9's BD9 over a whole string: the index of the PDI that closes each
 * isolate initiator (or -1), stopping at a paragraph separator as the
 * algorithm does.
 */
function isolatePairs(text: string): Map<number, number> {
	const pairs = new Map<number, number>();
	const stack: number[] = [];
	const chars = [...text];
	for (let i = 0; i < chars.length; i++) {
		const char = chars[i] ?? '';
		if (PARAGRAPH_SEPARATOR.test(char)) break;
		if ('\u2066\u2067\u2068'.includes(char)) {
			stack.push(i);
			pairs.set(i, -1);
		} else if (char === PDI && stack.length > 0) pairs.set(stack.pop() ?? -1, i);
	}
	return pairs;
}

describe('bidirectional controls', () => {
	it('finds each of the twelve, with its position and name, and nothing else', () => {
		expect(BIDI_CONTROLS.size).toBe(12);
		expect(bidiControls(`Invoice_${RLO}gpj.exe`)).toEqual([{ index: 8, codePoint: 0x202e, name: 'RLO' }]);
		for (const [codePoint, name] of BIDI_CONTROLS) {
			const text = `a${String.fromCodePoint(codePoint)}b`;
			expect(bidiControls(text)).toEqual([{ index: 1, codePoint, name }]);
			expect(hasBidiControls(text)).toBe(true);
		}
		// Right-to-left letters, zero-width characters and neighbours of the ranges are not controls.
		for (const text of [
			'Operación Cóndor — ГП-2025/17',
			'مساعدة قانونية',
			'עזרה',
			'a\u200Bb\u200Dc\uFEFF',
			'\u2029\u202F\u2065\u206A\u200D\u2010',
		])
			expect(hasBidiControls(text), JSON.stringify(text)).toBe(false);
	});

	it('reveals each control as its code point', () => {
		expect(revealBidiControls(`Invoice_${RLO}gpj.exe\u200E`)).toBe('Invoice_<U+202E>gpj.exe<U+200E>');
		expect(revealBidiControls('plain')).toBe('plain');
	});

	it('leaves ordinary text as it is for display', () => {
		for (const text of ['Bank records, Operación Cóndor', 'مساعدة قانونية 2025', `a${RLO}b`, 'two\nlines'])
			expect(isolatable(text)).toBe(text);
	});

	it('balances what would close the isolation around a shown text, and turns paragraph separators into line feeds', () => {
		expect(isolatable(`x${PDI}${RLO}abc`)).toBe(`${FSI}x${PDI}${RLO}abc`);
		expect(isolatable(`\u2067abc`)).toBe(`\u2067abc${PDI}`);
		expect(isolatable(`${PDI}${PDI}\u2066`)).toBe(`${FSI}${FSI}${PDI}${PDI}\u2066${PDI}`);
		expect(isolatable(`x\u2029${RLO}abc`)).toBe(`x\n${RLO}abc`);
		expect(isolatable('a\r\nb\rc\u0085d\u001Ce')).toBe('a\nb\nc\nd\ne');
		expect(isolated(`x${PDI}`)).toBe(`${FSI}${FSI}x${PDI}${PDI}`);
	});

	it('keeps the isolation around any text whole: the outer isolate closes only at its own end', () => {
		const alphabet = fc.constantFrom(
			...[...BIDI_CONTROLS.keys()].map((c) => String.fromCodePoint(c)),
			'a',
			'ا',
			'1',
			' ',
			'-',
			'\n',
			'\r',
			'\u2029',
			'\u0085',
			'\u001C',
			'\u000B',
		);
		fc.assert(
			fc.property(fc.array(alphabet, { maxLength: 40 }), (chars) => {
				const shown = `before ${isolated(chars.join(''))} after`;
				const outer = [...shown].indexOf(FSI);
				expect(isolatePairs(shown).get(outer)).toBe([...shown].length - ' after'.length - 1);
				expect(shown).not.toMatch(PARAGRAPH_SEPARATOR);
			}),
			{ numRuns: 2000 },
		);
	});
});
