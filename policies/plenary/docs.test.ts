// Keeps docs/plenaries.md honest: every JSON example in it is a plenary event
// or a decision poll this code reads, and every ignored reason is documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlenaryContent } from './events/parse.ts';
import { PLENARY_IGNORED_LABELS } from './i18n/labels.ts';
import { parsePollStart, parseVoteLink } from './polls/parse.ts';
import { POLL_START_TYPE } from './polls/types.ts';

const doc = readFileSync(new URL('../../docs/plenaries.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? '') as Record<string, unknown>);

describe('docs/plenaries.md', () => {
	it('shows only events this code reads, one of each payload type and a decision poll', () => {
		const polls = examples.filter((e) => POLL_START_TYPE in e);
		const payloads = examples.filter((e) => !(POLL_START_TYPE in e)).map(parsePlenaryContent);
		expect(payloads.filter((p) => !p.ok)).toEqual([]);
		expect(new Set(payloads.map((p) => (p.ok ? p.value.type : '')))).toEqual(new Set(['plenary', 'attendance', 'minutes']));
		expect(polls).toHaveLength(1);
		const poll = parsePollStart(polls[0]);
		expect(poll.ok && parseVoteLink(polls[0], poll.value).ok).toBe(true);
	});

	it('documents every reason the fold gives for ignoring an event', () => {
		for (const kind of Object.keys(PLENARY_IGNORED_LABELS)) expect(doc).toContain(`\`${kind}\``);
	});
});
