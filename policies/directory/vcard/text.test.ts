// Text escapes (RFC 6350 §3.4) and the folding of long lines (§3.2): what is
// written reads back the same, lines stay within 75 octets, and no UTF-8
// character is cut in two.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from './serialize.ts';
import { components, escapeText, unescapeText } from './text.ts';
import { unfold } from './unfold.ts';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('text values', () => {
	it('unescapes \\n, \\N, \\,, \\; and \\\\, and takes any other escaped character as itself', () => {
		expect(unescapeText('a\\nb\\Nc\\,d\\;e\\\\f\\:g\\')).toBe('a\nb\nc,d;e\\f:g\\');
	});

	it('escapes backslash, comma, semicolon and newline; a CR or CRLF becomes a newline', () => {
		expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
	});

	it('reads back what it writes', () => {
		fc.assert(
			fc.property(
				fc.string().filter((s) => !s.includes('\r')),
				(s) => unescapeText(escapeText(s)) === s,
			),
		);
	});

	it('splits structured values at unescaped semicolons only', () => {
		expect(components('gt-mp;Fiscalía\\; Unidad\\, 2;;x\\\\;')).toEqual(['gt-mp', 'Fiscalía; Unidad, 2', '', 'x\\', '']);
	});
});

describe('unfold', () => {
	it('joins continuation lines (space or tab), keeps the first physical line, skips empty lines and a BOM', () => {
		expect(unfold('\uFEFFBEGIN:VCARD\r\nNOTE:a\r\n  b\r\n\tc\r\n\r\nFN:x\nEND:VCARD\rX:1\n')).toEqual([
			{ line: 1, text: 'BEGIN:VCARD' },
			{ line: 2, text: 'NOTE:a bc' },
			{ line: 6, text: 'FN:x' },
			{ line: 7, text: 'END:VCARD' },
			{ line: 8, text: 'X:1' },
		]);
	});
});

describe('fold', () => {
	it('leaves a line of 75 octets alone and folds the 76th', () => {
		expect(fold('x'.repeat(75))).toBe('x'.repeat(75));
		expect(fold('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`);
	});

	it('moves a multi-byte character that would cross the 75th octet to the next line', () => {
		const line = `${'x'.repeat(74)}ж`;
		expect(fold(line)).toBe(`${'x'.repeat(74)}\r\n ж`);
	});

	it('keeps every line within 75 octets, never splits a character, and unfolds to the line', () => {
		fc.assert(
			fc.property(
				fc.string({ unit: 'grapheme', maxLength: 400 }).filter((s) => !/[\r\n]/.test(s)),
				(s) => {
					const line = `NOTE:${s}`;
					const physical = fold(line).split('\r\n');
					expect(physical.every((l) => octets(l) <= 75)).toBe(true);
					expect(physical.every((l) => l.isWellFormed())).toBe(true);
					expect(unfold(fold(line)).map((l) => l.text)).toEqual([line]);
				},
			),
		);
	});
});
