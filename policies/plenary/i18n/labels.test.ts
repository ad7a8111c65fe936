// Fails on any missing or blank translation of the plenaries' words.
import { describe, expect, it } from 'vitest';
import type { Labels } from '../../cases/i18n/labels.ts';
import { LANGUAGES } from '../../roster/types.ts';
import { CHOICES } from '../polls/types.ts';
import { PLENARY_LEVELS } from '../types.ts';
import {
	CHOICE_LABELS,
	DECISION_RESULT_LABELS,
	MINUTES_HEADINGS,
	MINUTES_LABELS,
	MINUTES_REFUSAL_LABELS,
	PLENARY_IGNORED_LABELS,
	PLENARY_LEVEL_LABELS,
	VOTES_NOT_SECRET,
} from './labels.ts';

const IGNORED_KINDS = [
	'untrusted',
	'malformed',
	'duplicate-event-id',
	'not-secretariat',
	'not-member',
	'unknown-plenary',
	'unknown-item',
	'vote-after-end',
	'may-not-end',
];

const required: [string, Readonly<Record<string, Labels>>, readonly string[]][] = [
	['levels', PLENARY_LEVEL_LABELS, PLENARY_LEVELS],
	['choices', CHOICE_LABELS, CHOICES],
	['results', DECISION_RESULT_LABELS, ['adopted', 'rejected', 'no-quorum', 'open']],
	['ignored reasons', PLENARY_IGNORED_LABELS, IGNORED_KINDS],
	['minutes refusals', MINUTES_REFUSAL_LABELS, ['no-minutes', 'language-not-of-plenary', 'no-minutes-text']],
	['minutes headings', MINUTES_LABELS, MINUTES_HEADINGS],
	['votes are not secret', { notice: VOTES_NOT_SECRET }, ['notice']],
];

describe('plenary labels', () => {
	it.each(required)('%s: every code has a label in every language, and no extra codes', (_, table, codes) => {
		const missing = codes.flatMap((code) =>
			LANGUAGES.filter((lang) => !(table[code]?.[lang]?.trim() ?? '')).map((lang) => `${code}.${lang}`),
		);
		expect(missing).toEqual([]);
		expect(Object.keys(table).sort()).toEqual([...codes].sort());
	});

	it('keeps headings on one line, so the minutes export stays well-formed', () => {
		const multiline = Object.values(MINUTES_LABELS).flatMap((labels) => Object.values(labels).filter((text) => /[\r\n]/.test(text)));
		expect(multiline).toEqual([]);
	});
});
