import { describe, expect, it } from 'vitest';
import type { AuthorityId } from '#policies/roster/types.ts';
import { exportVcards, importVcards, vcardFileName } from './vcard-io.ts';
import { ANA, GT, LUCIA } from './testing.ts';

const AUTHORITIES = [GT, 'ng-ca' as AuthorityId];

describe('importVcards', () => {
	it('takes back what it exported', () => {
		const imported = importVcards(exportVcards([ANA]), AUTHORITIES, GT);
		expect(imported.ok).toBe(true);
		if (imported.ok) expect(imported.value.map((p) => [p.name, p.authority, p.matrixId])).toEqual([['Ana López', GT, ANA.matrixId]]);
	});

	it('imports nothing when one card is broken, naming the card and its line', () => {
		const broken = `${exportVcards([ANA])}BEGIN:VCARD\r\nVERSION:4.0\r\nORG:gt-mp\r\nEND:VCARD\r\n`;
		const imported = importVcards(broken, AUTHORITIES, GT);
		expect(imported.ok).toBe(false);
		if (!imported.ok) {
			expect(new Set(imported.error.map((r) => r.card))).toEqual(new Set([2]));
			expect(imported.error[0]?.line).toBeGreaterThan(1);
		}
	});

	it('refuses every card about another authority than the editor’s, and imports nothing', () => {
		const foreign = exportVcards([ANA, { ...LUCIA, authority: 'ng-ca' as AuthorityId }]);
		const imported = importVcards(foreign, AUTHORITIES, GT);
		expect(imported.ok).toBe(false);
		if (!imported.ok) {
			expect(imported.error).toHaveLength(1);
			expect(imported.error[0]?.card).toBe(2);
			expect(imported.error[0]?.reason).toEqual({ kind: 'other-authority', authority: 'ng-ca', own: GT });
		}
	});
});

describe('vcardFileName', () => {
	it('names one card by its person, many as the directory', () => {
		expect(vcardFileName([ANA])).toBe('ana-lopez.vcf');
		expect(vcardFileName([{ ...ANA, name: 'Айгуль', latinName: 'Aigul Nurlanovna' }])).toBe('aigul-nurlanovna.vcf');
		expect(vcardFileName([ANA, LUCIA])).toBe('directory.vcf');
	});
});
