// Every case event type, rendered in each of the five languages: the bodies
// name authorities by the names given, and no English word of the case
// vocabulary leaks into a page in another language (issue 11, acceptance 3).
// What the parties wrote (titles, reasons, references) is exempt: it is
// theirs, and the fixtures write it in no language at all.
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../roster/testing/demo.ts';
import { LANGUAGES, type Language } from '../../roster/types.ts';
import { status } from '../ids/codes.ts';
import { move, OPENED, OTHER_ROOM, ROOT } from '../testing/fixtures.ts';
import type { CaseEvent } from '../events/types.ts';
import { CHANNELS, LEGAL_BASES, LINK_ENDS, URGENCIES } from '../vocabulary/request.ts';
import { DEFAULT_BOOK } from './book.ts';
import type { Labels } from './labels.ts';
import { renderBody } from './render.ts';

const PARTY = 'Ω-7';

const every: readonly CaseEvent[] = [
	OPENED,
	{
		...OPENED,
		kind: 'extradition',
		fields: { ...OPENED.fields, title: PARTY, urgency: 'immediate', channel: 'informal', respondBy: '2026-12-01' },
	},
	...LEGAL_BASES.map((type): CaseEvent => ({ type: 'amended', changes: { legalBasis: { type } }, reason: PARTY })),
	...URGENCIES.map((urgency): CaseEvent => ({ type: 'amended', changes: { urgency }, reason: PARTY })),
	...CHANNELS.map((channel): CaseEvent => ({ type: 'amended', changes: { channel }, reason: PARTY })),
	{ type: 'amended', changes: { title: PARTY, requestedReference: PARTY as never, respondBy: '2026-12-01' }, reason: PARTY },
	move(ROOT, 'received', 'under-execution'),
	move(ROOT, 'received', 'refused', PARTY),
	move(ROOT, 'under-execution', 'executed'),
	{ type: 'settled', conflictAt: ROOT, chosen: ROOT, to: status('accepted'), reason: PARTY },
	{ type: 'note', text: PARTY },
	...LINK_ENDS.map((end): CaseEvent => ({ type: 'link', relation: 'preservation-mla', end, target: OTHER_ROOM })),
	...LINK_ENDS.map((end): CaseEvent => ({ type: 'link', relation: 'provisional-arrest-extradition', end, target: OTHER_ROOM })),
	{ type: 'link', relation: 'related', target: OTHER_ROOM },
	{ type: 'link', relation: 'related', target: OTHER_ROOM, removed: true },
];

const tables: readonly Readonly<Record<string, Labels>>[] = [
	DEFAULT_BOOK.statuses,
	DEFAULT_BOOK.offences,
	DEFAULT_BOOK.kinds,
	DEFAULT_BOOK.sides,
	DEFAULT_BOOK.urgencies,
	DEFAULT_BOOK.channels,
	DEFAULT_BOOK.legalBases,
	DEFAULT_BOOK.fields,
	DEFAULT_BOOK.links,
	DEFAULT_BOOK.phrases,
];

/** The English words of the vocabulary that `language` says otherwise (a word both share, such as "Urgente" or "Extradition", is not a leak). */
function englishOnly(language: Language): string[] {
	return tables.flatMap((table) =>
		Object.values(table)
			.filter((labels) => labels.en !== labels[language])
			.map((labels) => labels.en),
	);
}

const word = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}])${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u');

const name = (id: string) => demoRoster.authorities.find((a) => a.id === id)?.name ?? id;

describe('every case event in every language', () => {
	it('covers every event type', () => {
		expect(new Set(every.map((e) => e.type))).toEqual(new Set(['opened', 'amended', 'transition', 'settled', 'note', 'link']));
	});

	it.each(LANGUAGES.filter((l) => l !== 'en'))('leaks no English word of the vocabulary into %s', (language) => {
		const leaks = englishOnly(language);
		for (const event of every) {
			const body = renderBody(event, language, { authorityName: name });
			const found = leaks.filter((english) => word(english).test(body));
			expect({ event: event.type, body, found }).toEqual({ event: event.type, body, found: [] });
		}
	});

	it('would catch an English body on a Russian page', () => {
		const leaks = englishOnly('ru');
		expect(leaks.filter((english) => word(english).test(renderBody(OPENED, 'en', { authorityName: name })))).toEqual(
			expect.arrayContaining(['Request opened', 'Requesting authority', 'Urgent', 'Formal']),
		);
	});

	it.each(LANGUAGES)('names the authorities, not their ids, in %s', (language) => {
		const body = renderBody(OPENED, language, { authorityName: name });
		expect(body).toContain(name(OPENED.requesting));
		expect(body).toContain(name(OPENED.requested));
		expect(body).not.toMatch(word(OPENED.requesting));
		expect(body).not.toMatch(word(OPENED.requested));
	});

	it.each(LANGUAGES)('renders every event to text in %s, whatever it carries', (language) => {
		for (const event of every) expect(renderBody(event, language).trim()).not.toBe('');
	});
});
