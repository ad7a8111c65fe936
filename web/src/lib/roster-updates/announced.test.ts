import { describe, expect, it } from 'vitest';
import { rosterAnnouncementContent } from '#policies/roster-update/index.ts';
import { secretariatAccounts } from '../networks/rooms.ts';
import { offeredUpdate, type AnnouncementEvent } from './announced.ts';

const SERVICE = '@rogatory-secretariat-refco:gt.example';
const STAFF = '@refco.secretariat:gt.example';
const MEMBER = '@marta:sv.example';
const content = (version: number): Record<string, unknown> => {
	const made = rosterAnnouncementContent({ version, sha256: 'a'.repeat(64), file: `version: ${version}\n` });
	if (!made.ok) throw new Error(made.error);
	return made.value;
};
const event = (id: string, sender: string, version: number, counts: boolean | undefined = true): AnnouncementEvent => ({
	eventId: id,
	sender,
	content: content(version),
	counts,
});
const senders = secretariatAccounts({ users: { [STAFF]: 50, [MEMBER]: 0, '@bridge:sv.example': 10 } }, SERVICE);

describe('offeredUpdate', () => {
	it('offers the next version from the secretariat, and says a later one waits', () => {
		const offered = offeredUpdate([event('$1', STAFF, 4), event('$2', SERVICE, 5), event('$3', STAFF, 3)], 3, senders);
		expect(offered.next?.eventId).toBe('$1');
		expect(offered.later).toBe(5);
	});

	it('takes the latest announcement of the same version', () => {
		expect(offeredUpdate([event('$1', STAFF, 4), event('$2', SERVICE, 4)], 3, senders).next?.eventId).toBe('$2');
	});

	it('offers nothing a member sent, nothing the trust rule does not count (or has not judged), nothing old', () => {
		const events = [
			event('$1', MEMBER, 4),
			event('$2', STAFF, 4, false),
			{ ...event('$3', STAFF, 4), counts: undefined },
			event('$4', STAFF, 3),
		];
		expect(offeredUpdate(events, 3, senders)).toEqual({ next: undefined, later: undefined });
	});

	it('ignores what is not a well-formed announcement', () => {
		const odd: AnnouncementEvent = { eventId: '$x', sender: STAFF, content: { msgtype: 'm.text', body: 'hi' }, counts: true };
		const forged: AnnouncementEvent = {
			eventId: '$y',
			sender: STAFF,
			content: { 'org.rogatory.roster': { version: 1, roster: { version: 4 } } },
			counts: true,
		};
		expect(offeredUpdate([odd, forged], 3, senders).next).toBeUndefined();
	});
});
