// Fails on any missing or blank translation of the directory's vocabularies.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../roster/types.ts';
import type { Labels } from '../../cases/i18n/labels.ts';
import { REACHABILITIES } from '../reach/reach.ts';
import { AUTHORITY_KINDS, CHANNEL_KINDS, DIRECTORY_ROLES, MEASURES } from '../types.ts';
import {
	AUTHORITY_KIND_LABELS,
	CHANNEL_KIND_LABELS,
	DIRECTORY_ROLE_LABELS,
	DOCUMENT_KIND_LABELS,
	MEASURE_LABELS,
	REACHABILITY_LABELS,
} from './labels.ts';

const required: [string, Readonly<Record<string, Labels>>, readonly string[]][] = [
	['measures', MEASURE_LABELS, MEASURES],
	['roles', DIRECTORY_ROLE_LABELS, DIRECTORY_ROLES],
	['authority kinds', AUTHORITY_KIND_LABELS, AUTHORITY_KINDS],
	['channel kinds', CHANNEL_KIND_LABELS, CHANNEL_KINDS],
	['document kinds', DOCUMENT_KIND_LABELS, ['law', 'template', 'guide']],
	['reachability', REACHABILITY_LABELS, REACHABILITIES],
];

describe('directory labels', () => {
	it.each(required)('%s: every code has a label in every language, and no extra codes', (_, table, codes) => {
		const missing = codes.flatMap((code) =>
			LANGUAGES.filter((lang) => !(table[code]?.[lang]?.trim() ?? '')).map((lang) => `${code}.${lang}`),
		);
		expect(missing).toEqual([]);
		expect(Object.keys(table).sort()).toEqual([...codes].sort());
	});
});
