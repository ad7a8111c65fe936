// jCard (RFC 7095) of imported cards: one `["vcard", [...]]` per card, the
// canonical properties with lower-case names, their parameters and types.
import { describe, expect, it } from 'vitest';
import { toJcard } from './jcard.ts';
import { SAMPLE_ENTRIES } from './testing.ts';

describe('toJcard', () => {
	it('writes a full card', () => {
		const [lucia] = toJcard([{ entry: SAMPLE_ENTRIES[0]! }]);
		expect(lucia).toEqual([
			'vcard',
			[
				['version', {}, 'text', '4.0'],
				['prodid', {}, 'text', '-//Rogatory//Directory 1//EN'],
				['uid', {}, 'text', '@lucia.ramirez:matrix.mp.gt.rogatory.example'],
				['fn', {}, 'text', 'Lucía Ramírez'],
				['org', {}, 'text', 'gt-mp'],
				['title', {}, 'text', 'Fiscal de enlace, Unidad de Cooperación Internacional; punto de contacto 24/7 para preservación de datos'],
				['role', {}, 'text', 'focal-point'],
				['role', {}, 'text', 'focal-point-24-7'],
				['lang', { pref: '1' }, 'language-tag', 'es'],
				['lang', { pref: '2' }, 'language-tag', 'en'],
				['tz', {}, 'text', 'America/Guatemala'],
				['x-rogatory-hours', {}, 'unknown', '1,2,3,4,5;08:00;17:00'],
				['tel', {}, 'text', '+502 2411 9191'],
				['email', {}, 'text', 'lucia.ramirez@mp.gt.rogatory.example'],
				['impp', {}, 'uri', 'matrix:u/lucia.ramirez:matrix.mp.gt.rogatory.example'],
				['x-rogatory-rota', {}, 'unknown', '2026-12-04T17:00-06:00/2026-12-05T08:00-06:00'],
				['x-rogatory-rota', {}, 'unknown', '2026-12-05T08:00-06:00/2026-12-07T08:00-06:00'],
			],
		]);
	});

	it('gives an X-ROGATORY-LATIN-NAME as written in the vCard (its type is unknown to other readers)', () => {
		const [card] = toJcard([{ entry: { ...SAMPLE_ENTRIES[4]!, latinName: 'Nurlanova, Aigerim' } }]);
		expect(card?.[1]).toContainEqual(['x-rogatory-latin-name', {}, 'unknown', 'Nurlanova\\, Aigerim']);
		expect(card?.[1]).toContainEqual(['fn', {}, 'text', 'Айгерим Нурланова']);
	});

	it('gives one jCard per card, as JSON', () => {
		const json = JSON.parse(JSON.stringify(toJcard(SAMPLE_ENTRIES.map((entry) => ({ entry }))))) as unknown[];
		expect(json).toHaveLength(SAMPLE_ENTRIES.length);
		expect(json.every((c) => Array.isArray(c) && c[0] === 'vcard')).toBe(true);
	});
});
