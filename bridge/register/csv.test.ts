import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV', () => {
	it('quotes what RFC 4180 requires and nothing else', () => {
		expect(csvCell('plain text')).toBe('plain text');
		expect(csvCell('a, b')).toBe('"a, b"');
		expect(csvCell('say "no"')).toBe('"say ""no"""');
		expect(csvCell('two\nlines')).toBe('"two\nlines"');
		expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
		expect(csvCell(null)).toBe('');
		expect(csvCell(42)).toBe('42');
		expect(csvCell(false)).toBe('false');
		expect(csvCell('Operación Cóndor — ГП-2025/17')).toBe('Operación Cóndor — ГП-2025/17');
	});

	it('neutralizes cells a spreadsheet would run as a formula', () => {
		expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
		expect(csvCell('+1+1')).toBe("'+1+1");
		expect(csvCell('-2+3')).toBe("'-2+3");
		expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvCell('\tcmd')).toBe("'\tcmd");
		expect(csvCell('\r=1')).toBe(`"'\r=1"`);
		expect(csvCell('a=1')).toBe('a=1');
		expect(csvCell(-5)).toBe('-5');
	});

	it('ends every record with CRLF, the header first', () => {
		expect(
			toCsv(
				['a', 'b'],
				[
					['x', 1],
					[null, 'y,z'],
				],
			),
		).toBe('a,b\r\nx,1\r\n,"y,z"\r\n');
	});
});
