// Case updates in the discussion: read from their payload in the reader's
// language, authorities by the roster's names, never from the fallback body;
// on a Russian page no string of the English message file appears (what the
// parties wrote excepted).
import { describe, expect, it } from 'vitest';
import { buildCaseContent, CASE_KEY, rendererFor, type CaseEvent } from '#policies/cases/index.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { LANGUAGES } from '#policies/roster/types.ts';
import { move, OPENED, OTHER_ROOM, ROOT } from '#policies/cases/testing/fixtures.ts';
import en from '../../../messages/en.json' with { type: 'json' };
import ru from '../../../messages/ru.json' with { type: 'json' };
import { REQUEST } from '#policies/preservation/record/testing/fixtures.ts';
import { RULE_WORDS } from '#policies/preservation/index.ts';
import type { TimelineItem } from '../matrix/cases.ts';
import { caseEventText, itemText, queuedText } from './timeline-labels.ts';

const name = (id: string) => demoRoster.authorities.find((a) => a.id === id)?.name ?? id;
const reader = (locale: (typeof LANGUAGES)[number]) => ({ locale, roster: demoRoster });
const PARTY = 'Ω-7';

const events: readonly CaseEvent[] = [
	OPENED,
	{ type: 'amended', changes: { urgency: 'immediate', channel: 'informal' }, reason: PARTY },
	move(ROOT, 'received', 'refused', PARTY),
	{ type: 'note', text: PARTY },
	{ type: 'link', relation: 'preservation-mla', end: 'earlier', target: OTHER_ROOM },
];

/** The English message file's fixed text, each placeholder a break, that Russian says otherwise. */
function englishStrings(): string[] {
	const russian = ru as Record<string, string>;
	return Object.entries(en as Record<string, string>)
		.filter(([key, value]) => key !== '$schema' && russian[key] !== value)
		.flatMap(([, value]) => value.split(/\{[^}]*\}/))
		.map((part) => part.trim())
		.filter((part) => /\p{L}{3}/u.test(part));
}

describe('caseEventText', () => {
	it.each(LANGUAGES)('names the authorities by the roster in %s', (locale) => {
		const text = caseEventText(OPENED, reader(locale));
		expect(text).toContain(name(OPENED.requesting));
		expect(text).toContain(name(OPENED.requested));
		expect(text).not.toContain(`${OPENED.requested} `);
	});

	it('shows no string of the English message file on a Russian page', () => {
		const strings = englishStrings();
		expect(strings.length).toBeGreaterThan(100);
		for (const event of events) {
			const text = caseEventText(event, reader('ru'));
			expect({ text, found: strings.filter((s) => text.includes(s)) }).toEqual({ text, found: [] });
		}
	});
});

describe('what the page shows of a case update', () => {
	const base = { id: '$e', sender: '@ana:gt', at: 1, pending: false } as const;

	it('is the payload in the reader’s language, never the fallback body', () => {
		const item: TimelineItem = {
			...base,
			kind: 'case',
			event: move(ROOT, 'received', 'under-execution'),
			body: 'Status: Received → Under execution',
		};
		expect(itemText(item, reader('ru'))).toBe('Статус: Получен → Исполняется');
	});

	it('says a malformed payload cannot be read, and does not fall back to its body', () => {
		const item: TimelineItem = { ...base, kind: 'case', event: undefined, body: 'Status: Received → Under execution' };
		expect(itemText(item, reader('ru'))).not.toContain('Received');
	});

	it('renders a queued case update from its payload too', () => {
		const built = buildCaseContent(OPENED, rendererFor('en', { authorityName: name }));
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		const content = built.value as unknown as Record<string, unknown>;
		expect(CASE_KEY in content).toBe(true);
		expect(content['body']).toContain(name(OPENED.requested));
		expect(queuedText(content, reader('es'))).toBe(caseEventText(OPENED, reader('es')));
		expect(queuedText({ msgtype: 'm.text', body: PARTY }, reader('es'))).toBe(PARTY);
	});

	it('renders a preservation update from its payload, its rule by name', () => {
		const item: TimelineItem = { ...base, kind: 'preservation', event: REQUEST, body: `Rule: ${REQUEST.rule}` };
		const text = itemText(item, reader('ru'));
		expect(text).toContain(RULE_WORDS[REQUEST.rule]?.name.ru);
		expect(text).not.toContain('Rule');
	});
});
