// Fails on any missing or blank translation: every status of every shipped
// workflow, every vocabulary value, every offence, every phrase, in all five
// languages.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../roster/types.ts';
import { FIELD_NAMES } from '../events/types.ts';
import { CHANNELS, LEGAL_BASES, REQUEST_KINDS, SIDES, URGENCIES } from '../vocabulary/request.ts';
import { TAXONOMY } from '../vocabulary/taxonomy.ts';
import { DEFAULT_WORKFLOWS } from '../workflows/registry.ts';
import { DEFAULT_BOOK } from './book.ts';
import type { Labels } from './labels.ts';

const LINK_KEYS = [
	'preservation-mla.earlier',
	'preservation-mla.later',
	'provisional-arrest-extradition.earlier',
	'provisional-arrest-extradition.later',
	'related',
];

const required: [string, Readonly<Record<string, Labels>>, readonly string[]][] = [
	['statuses', DEFAULT_BOOK.statuses, [...new Set(DEFAULT_WORKFLOWS.flatMap((w) => w.statuses))]],
	['kinds', DEFAULT_BOOK.kinds, REQUEST_KINDS],
	['sides', DEFAULT_BOOK.sides, SIDES],
	['urgencies', DEFAULT_BOOK.urgencies, URGENCIES],
	['channels', DEFAULT_BOOK.channels, CHANNELS],
	['legalBases', DEFAULT_BOOK.legalBases, LEGAL_BASES],
	['fields', DEFAULT_BOOK.fields, FIELD_NAMES],
	['links', DEFAULT_BOOK.links, LINK_KEYS],
	['offences', DEFAULT_BOOK.offences, TAXONOMY.map((o) => o.code)],
	['phrases', DEFAULT_BOOK.phrases, Object.keys(DEFAULT_BOOK.phrases)],
];

describe('translation tables', () => {
	it.each(required)('%s: every code has a label in every language', (_, table, codes) => {
		const missing = codes.flatMap((code) =>
			LANGUAGES.filter((lang) => !(table[code]?.[lang]?.trim() ?? '')).map((lang) => `${code}.${lang}`),
		);
		expect(missing).toEqual([]);
	});

	it.each(required)('%s: no label is used for two codes in one language', (_, table, codes) => {
		const clashes = LANGUAGES.flatMap((lang) => {
			const seen = new Map<string, string>();
			return codes.flatMap((code) => {
				const label = table[code]?.[lang] ?? '';
				const other = seen.get(label);
				seen.set(label, code);
				return other === undefined ? [] : [`${lang}: "${label}" for ${other} and ${code}`];
			});
		});
		expect(clashes).toEqual([]);
	});

	it('has no labels for codes that nothing uses', () => {
		const statuses = new Set(DEFAULT_WORKFLOWS.flatMap((w) => w.statuses));
		expect(Object.keys(DEFAULT_BOOK.statuses).filter((s) => !statuses.has(s as never))).toEqual([]);
	});
});
