import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY, foldCase, type OpenedCase, type RoomId } from '#policies/cases/index.ts';
import { ANA, CONTEXT, OPENING_ID, envelope, move, opening } from '#policies/cases/testing/fixtures.ts';
import type { PreservationRecord } from '#policies/preservation/record/types.ts';
import { GUATEMALA, NIGERIA } from '#policies/roster/testing/demo.ts';
import { freshNotices, mentions, noticesOf, unreadNotices, type DiscussionMessage, type NoticeInput } from './notices.ts';

const HOUR = 3_600_000;
const NOW = 1_000 + 100 * HOUR;

/** A request Guatemala opened with Nigeria at 1000, sent by Guatemala at `sentAt` when given. */
function record(room: string, sentAt?: number): OpenedCase {
	const events = [opening(1_000)];
	if (sentAt !== undefined) events.push(envelope(`$${room}-sent`, ANA, sentAt, move(OPENING_ID, 'draft', 'sent')));
	const folded = foldCase(events, { ...CONTEXT, room: room as RoomId });
	if (!folded.opened) throw new Error('fixture did not open');
	return folded;
}

const input = (self: string, records: OpenedCase[], preservations: NoticeInput['preservations'] = () => []): NoticeInput => ({
	records,
	self: self as NoticeInput['self'],
	workflows: DEFAULT_REGISTRY,
	preservations,
	now: NOW,
});

describe('the notices of the notification centre', () => {
	it('tells the requested authority of a new request, and of a move that leaves the next one to it', () => {
		const notices = noticesOf(input(NIGERIA.id, [record('!a', 5_000)]));
		expect(notices.map((n) => [n.category, n.id, n.at, n.counterpart])).toEqual([
			['awaits-us', 'move:!a:$!a-sent', 5_000, GUATEMALA.id],
			['new-request', 'new:!a', 1_000, GUATEMALA.id],
		]);
	});

	it('tells the requesting authority nothing of its own opening or its own move', () => {
		expect(noticesOf(input(GUATEMALA.id, [record('!a', 5_000)]))).toEqual([]);
		expect(noticesOf(input('kz-gpo', [record('!a', 5_000)]))).toEqual([]);
	});

	it('reminds of a running preservation from 48 hours before it lapses until it does', () => {
		const running = (expiresAt: number, status = 'confirmed') =>
			({ id: 'p1', room: '!a', status, deadline: { expiresAt } }) as unknown as PreservationRecord;
		const of = (p: PreservationRecord) =>
			noticesOf(input(GUATEMALA.id, [record('!a')], () => [p])).filter((n) => n.category === 'reminder');
		expect(of(running(NOW + 47 * HOUR)).map((n) => [n.id, n.at, n.urgent])).toEqual([['lapse:!a:p1', NOW - HOUR, true]]);
		expect(of(running(NOW + 49 * HOUR))).toEqual([]);
		expect(of(running(NOW - 1))).toEqual([]);
		expect(of(running(NOW + HOUR, 'released'))).toEqual([]);
	});

	it('counts as unread what is newer than the last look at its case, in the categories kept on', () => {
		const notices = noticesOf(input(NIGERIA.id, [record('!a', 5_000), record('!b')]));
		expect(unreadNotices(notices, { seen: {}, off: [] }).map((n) => n.id)).toEqual(['move:!a:$!a-sent', 'new:!a', 'new:!b']);
		expect(unreadNotices(notices, { seen: { '!a': 2_000 }, off: [] }).map((n) => n.id)).toEqual(['move:!a:$!a-sent', 'new:!b']);
		expect(unreadNotices(notices, { seen: { '!a': 9_000 }, off: ['new-request'] }).map((n) => n.id)).toEqual([]);
	});

	it('announces only what became unread since the last look, and nothing at the first', () => {
		const notices = noticesOf(input(NIGERIA.id, [record('!a', 5_000), record('!b')]));
		expect(freshNotices(undefined, notices)).toEqual([]);
		expect(freshNotices(new Set(['new:!a', 'new:!b']), notices).map((n) => n.id)).toEqual(['move:!a:$!a-sent']);
	});

	describe('a message that mentions the person', () => {
		const SELF = '@bola.ade:ng.example';
		const said = (id: string, body: string, over: Partial<DiscussionMessage> = {}): DiscussionMessage => ({
			id,
			sender: '@ana:gt.example',
			at: 7_000,
			body,
			counts: true,
			...over,
		});
		const withDiscussion = (messages: DiscussionMessage[], name = 'Bola Ade'): NoticeInput => ({
			...input(NIGERIA.id, [record('!a')]),
			person: { userId: SELF, displayName: () => name },
			discussion: (room) => (room === '!a' ? messages : []),
		});

		it('is a notice, in its own category, when m.mentions names them or the text says their name', () => {
			const notices = noticesOf(
				withDiscussion([
					said('$m', 'please look', { mentions: [SELF] }),
					said('$n', 'bola ade, can you confirm?', { at: 8_000 }),
					said('$o', 'nothing for you'),
				]),
			).filter((n) => n.category === 'mentions');
			expect(notices.map((n) => [n.id, n.at, n.counterpart, n.urgent])).toEqual([
				['mention:!a:$n', 8_000, GUATEMALA.id, false],
				['mention:!a:$m', 7_000, GUATEMALA.id, false],
			]);
		});

		it('is not one when it is their own, does not count, only quotes them, or holds the name inside another word', () => {
			expect(mentions(said('$a', 'Bola Ade here', { sender: SELF }), SELF, 'Bola Ade')).toBe(false);
			expect(mentions(said('$b', 'Bola Ade', { counts: false, mentions: [SELF] }), SELF, 'Bola Ade')).toBe(false);
			expect(mentions(said('$c', '> <@x> Bola Ade said\n\nthanks'), SELF, 'Bola Ade')).toBe(false);
			expect(mentions(said('$d', 'Bola Adewale will call'), SELF, 'Bola Ade')).toBe(false);
			expect(mentions(said('$e', `ask ${SELF}`), SELF, undefined)).toBe(true);
			expect(mentions(said('$f', 'Al will call'), SELF, 'Al')).toBe(false);
			expect(mentions(said('$g', 'Ask (Bola Ade).'), SELF, 'Bola Ade')).toBe(true);
		});

		it('can be turned off like the other categories', () => {
			const notices = noticesOf(withDiscussion([said('$m', 'hi', { mentions: [SELF] })]));
			expect(unreadNotices(notices, { seen: {}, off: [] }).map((n) => n.category)).toContain('mentions');
			expect(unreadNotices(notices, { seen: {}, off: ['mentions'] }).map((n) => n.category)).not.toContain('mentions');
		});
	});
});
