import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../roster/file/parse-roster.ts';
import type { RosterDocument } from '../roster/file/roster-document.ts';
import { VALID_ROSTER } from '../roster/file/testing/valid-roster.ts';
import {
	judgeAnnouncement,
	parseRosterAnnouncement,
	rosterAnnouncementContent,
	rosterChange,
	ROSTER_FILE_MAX,
	ROSTER_UPDATE_KEY,
	type RosterAnnouncement,
} from './index.ts';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const doc = (text: string): RosterDocument => {
	const parsed = parseRoster(text, 'roster.yaml');
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
	return parsed.value;
};
// VALID_ROSTER is version 3: NORTH (aa-one, cc-three), SOUTH (bb-two), a link aa-one and bb-two.
const CURRENT = doc(VALID_ROSTER);
const CC_THREE_TAIL = '      - network: NORTH\n        status: member\nlinks:';
const v4 = (text: string): string => text.replace('version: 3\n', 'version: 4\n');
// Version 4 admits cc-three into SOUTH as well, and moves bb-two's homeserver.
const NEXT_TEXT = v4(VALID_ROSTER)
	.replace(CC_THREE_TAIL, '      - network: NORTH\n        status: member\n      - network: SOUTH\n        status: member\nlinks:')
	.replace('server_name: matrix.two.bb.example', 'server_name: matrix.new.bb.example');
const announce = (text: string, version = 4): RosterAnnouncement => ({ version, sha256: sha(text), file: text });
const check = (text: string, over: Partial<Parameters<typeof judgeAnnouncement>[0]> = {}) => {
	const parsed = parseRoster(text, 'announced.yaml');
	return judgeAnnouncement({
		announcement: announce(text),
		network: 'SOUTH',
		fromSecretariat: true,
		computedSha256: sha(text),
		parsed: parsed.ok ? parsed : { ok: false, error: parsed.error.map((e) => e.message).join('; ') },
		current: CURRENT,
		...over,
	});
};

describe('a roster announcement', () => {
	it('round-trips through its content, with a readable body', () => {
		const made = rosterAnnouncementContent(announce(NEXT_TEXT));
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		expect(made.value['body']).toMatch(/^Roster version 4 is published \(SHA-256 [0-9a-f]{64}\)/);
		expect(parseRosterAnnouncement(made.value)).toEqual({ ok: true, value: announce(NEXT_TEXT) });
	});

	it('refuses a malformed or oversized one with a reason, and never throws', () => {
		const wrap = (roster: unknown) => ({ [ROSTER_UPDATE_KEY]: { version: 1, roster } });
		expect(parseRosterAnnouncement({ body: 'hi' })).toMatchObject({ ok: false });
		expect(parseRosterAnnouncement(wrap({ ...announce(NEXT_TEXT), sha256: 'ABC' }))).toMatchObject({ ok: false });
		expect(parseRosterAnnouncement(wrap({ ...announce(NEXT_TEXT), version: 0 }))).toMatchObject({ ok: false });
		expect(parseRosterAnnouncement(wrap({ ...announce(NEXT_TEXT), file: 'x'.repeat(ROSTER_FILE_MAX + 1) }))).toEqual({
			ok: false,
			error: `the roster file is longer than ${ROSTER_FILE_MAX} characters`,
		});
		fc.assert(fc.property(fc.anything(), (value) => parseRosterAnnouncement(wrap(value)).ok === false));
	});
});

describe('judging an announcement before applying it', () => {
	it('takes the next version from the secretariat, saying what it changes', () => {
		const verdict = check(NEXT_TEXT);
		expect(verdict.kind).toBe('applicable');
		if (verdict.kind !== 'applicable') return;
		expect(verdict.change).toEqual({
			from: 3,
			to: 4,
			networks: [{ network: 'SOUTH', added: ['cc-three'], removed: [] }],
			homeservers: ['bb-two'],
			links: { added: [], removed: [] },
		});
	});

	it('refuses what anyone but the secretariat sent, a file that is not the hashed one, a forged version, a skipped one', () => {
		expect(check(NEXT_TEXT, { fromSecretariat: false })).toEqual({
			kind: 'refused',
			code: 'not-secretariat',
			reason: 'not sent by the SOUTH secretariat',
		});
		expect(check(NEXT_TEXT, { computedSha256: sha(`${NEXT_TEXT}\n# tampered`) })).toMatchObject({ kind: 'refused', code: 'hash' });
		expect(check(NEXT_TEXT, { announcement: announce(NEXT_TEXT, 5) })).toEqual({
			kind: 'refused',
			code: 'version-differs',
			reason: 'the file says version 4, the announcement 5',
		});
		const skip = NEXT_TEXT.replace('version: 4\n', 'version: 5\n');
		expect(check(skip, { announcement: announce(skip, 5) })).toMatchObject({
			kind: 'refused',
			code: 'skips',
			reason: expect.stringMatching(/skips 4/) as string,
		});
		expect(check('version: [', { announcement: announce('version: [') })).toMatchObject({ kind: 'refused', code: 'not-a-roster' });
	});

	it('says a replayed or older version is already applied, changing nothing', () => {
		expect(check(VALID_ROSTER, { announcement: announce(VALID_ROSTER, 3) })).toEqual({ kind: 'already', version: 3 });
	});
});

describe('what a roster version changes', () => {
	it('names removals and links too', () => {
		const without = doc(v4(VALID_ROSTER).replace(CC_THREE_TAIL, '      - network: SOUTH\n        status: member\nlinks:'));
		expect(rosterChange(CURRENT, without).networks).toEqual([
			{ network: 'NORTH', added: [], removed: ['cc-three'] },
			{ network: 'SOUTH', added: ['cc-three'], removed: [] },
		]);
		const unlinked = doc(v4(VALID_ROSTER).replace('links:\n  - between: [aa-one, bb-two]\n    why: test\n', 'links: []\n'));
		expect(rosterChange(CURRENT, unlinked).links.removed).toEqual([['aa-one', 'bb-two']]);
	});
});
