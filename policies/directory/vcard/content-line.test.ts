// Reading one content line: groups, case, parameters (quoted, lists, RFC 6868
// carets, bare vCard 2.1 types) and the refusals for what is not a property.
import { describe, expect, it } from 'vitest';
import { decodeCaret, parseContentLine } from './content-line.ts';
import { reasonText } from './reasons.ts';

const read = (text: string) => {
	const parsed = parseContentLine(text, 7);
	if (!parsed.ok) throw new Error(reasonText(parsed.error));
	return { ...parsed.value, params: Object.fromEntries(parsed.value.params) };
};

describe('parseContentLine', () => {
	it('reads group, name (upper case), parameters and the value as written', () => {
		expect(read('item1.tel;type=work,voice;PREF=1:+502 2411\\, 9191')).toEqual({
			line: 7,
			group: 'item1',
			name: 'TEL',
			params: { TYPE: ['work', 'voice'], PREF: ['1'] },
			value: '+502 2411\\, 9191',
		});
	});

	it('keeps ":", ";" and "," inside a quoted parameter value, and decodes RFC 6868 carets', () => {
		expect(read('ADR;LABEL="Calle 1; Zona 2, Guatemala^nC.A. ^^ ^\'Norte^\'";TYPE=work:;;Calle 1').params).toEqual({
			LABEL: ['Calle 1; Zona 2, Guatemala\nC.A. ^ "Norte"'],
			TYPE: ['work'],
		});
		expect(read('X-A;P=a^nb,"c:d":v').params).toEqual({ P: ['a\nb', 'c:d'] });
	});

	it('keeps a caret followed by any other character (RFC 6868 §3)', () => {
		expect(decodeCaret('a^b^^n^n')).toBe('a^b^n\n');
	});

	it('takes a bare parameter as a TYPE, and repeated parameters add up', () => {
		expect(read('TEL;WORK;type=VOICE:1').params).toEqual({ TYPE: ['work', 'VOICE'] });
	});

	it('keeps the colons of the value', () => {
		expect(read('IMPP:matrix:u/ana:matrix.example.org:8448').value).toBe('matrix:u/ana:matrix.example.org:8448');
		expect(read('NOTE:').value).toBe('');
	});

	it.each([
		['FN Ana López', /has no ":"/],
		['FN;TYPE=x', /has no ":"/],
		[':Ana', /is not a property name/],
		['F N:Ana', /is not a property name/],
		['a.b.FN:Ana', /is not a property name/],
		['TEL;TYPE="work:1', /opens a quote that is never closed/],
		['TEL;TYPE="work"x:1', /text after its closing quote/],
		['TEL;TY PE=work:1', /is not a parameter name/],
		['TEL;TYPE=wo"rk:1', /quote inside an unquoted value/],
	])('refuses %j', (text, reason) => {
		const parsed = parseContentLine(text, 1);
		expect(parsed.ok ? 'taken' : reasonText(parsed.error)).toMatch(reason);
	});
});
