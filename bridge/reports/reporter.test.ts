import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOM_MARKER_KEY, roomMarker } from '../../policies/network/index.ts';
import { networkStatsPayload } from '../../policies/reports/index.ts';
import { err, ok } from '../../policies/result.ts';
import type { AuthorityId, NetworkId } from '../../policies/roster/types.ts';
import { Reporter, type KnownRoom, type ReportsClient, type ReportSource } from './reporter.ts';

const GT = 'gt-mp' as AuthorityId;
const REFCO = 'REFCO' as NetworkId;
const SERVER = 'gt.example';
const SVC = '@rogatory-secretariat-refco:gt.example';
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T02:00:00Z');
const none = { total: 0, byKind: {}, byStatus: {}, byCounterpartCountry: {}, medianDaysPerStage: {} };

const create = (sender: string, authority: string = GT, kind: 'reports' | 'plenary' = 'reports') => ({
	sender,
	content: { [ROOM_MARKER_KEY]: roomMarker(kind, [REFCO], undefined, kind === 'reports' ? (authority as AuthorityId) : undefined) },
});

function fake(rooms: KnownRoom[]) {
	const joined: string[] = [];
	const sent: { room: string; content: Record<string, unknown>; txnId: string }[] = [];
	const failing = new Set<string>();
	const readers = new Map<string, number>();
	const client: ReportsClient = {
		readers: (room) => readers.get(room) ?? 1,
		rooms: () => rooms,
		createOf: (room) => rooms.find((r) => r.room === room)?.create,
		join: (room) => {
			joined.push(room);
			return Promise.resolve();
		},
		send: (room, content, txnId) => {
			if (failing.has(room)) return Promise.resolve(err('M_UNKNOWN: try later'));
			sent.push({ room, content, txnId });
			return Promise.resolve(ok(`$${sent.length}`));
		},
	};
	return { client, joined, sent, failing, readers };
}

const source: ReportSource = {
	head: () => ok({ seq: 3, hash: 'a'.repeat(64) }),
	statistics: (network, now) =>
		ok(
			networkStatsPayload({
				authority: GT,
				network,
				asOf: now.toISOString().slice(0, 10),
				at: now.toISOString(),
				sent: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
				received: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
			}),
		),
};

function reporter(client: ReportsClient, file: string, clock: { now: number }, consent = true, lines: string[] = []) {
	return new Reporter(
		client,
		{
			consent,
			authority: GT,
			networks: new Map([[REFCO, [SERVER]]]),
			statisticsEveryHours: 24,
			stateFile: file,
			source,
			now: () => new Date(clock.now),
		},
		(l) => lines.push(l),
	);
}
const fresh = (): string => join(mkdtempSync(join(tmpdir(), 'rogatory-reports-')), 'reports.json');

describe('Reporter', () => {
	it('without consent joins nothing and sends nothing, and still keeps reports invitations from the case sync', async () => {
		const hs = fake([
			{ room: '!inv', membership: 'invite', create: create(SVC) },
			{ room: '!in', membership: 'join', create: create(SVC) },
		]);
		const r = reporter(hs.client, fresh(), { now: T0 }, false);
		await r.tick();
		expect(hs.joined).toEqual([]);
		expect(hs.sent).toEqual([]);
		expect(r.ownsInvitation(create(SVC))).toBe(true);
		expect(r.ownsInvitation(create(SVC, GT, 'plenary'))).toBe(false);
		// After a restart, before any tick: the room is known from its create event, and its events kept from the register.
		expect(r.owns('!in')).toBe(true);
		expect(r.owns('!elsewhere')).toBe(false);
	});

	it('joins only its own reports room created by the network’s service account', async () => {
		const lines: string[] = [];
		const hs = fake([
			{ room: '!ours', membership: 'invite', create: create(SVC) },
			{ room: '!forged', membership: 'invite', create: create('@mallory:gt.example') },
			{ room: '!elsewhere', membership: 'invite', create: create('@rogatory-secretariat-refco:evil.example') },
			{ room: '!theirs', membership: 'invite', create: create(SVC, 'sv-fgr') },
			{ room: '!plenary', membership: 'invite', create: create(SVC, GT, 'plenary') },
			{ room: '!case', membership: 'invite', create: undefined },
		]);
		const r = reporter(hs.client, fresh(), { now: T0 }, true, lines);
		await r.tick();
		expect(hs.joined).toEqual(['!ours']);
		expect(r.owns('!ours')).toBe(true);
		// Another authority's reports room is not joined, yet kept from the case register all the same; a plenary is not.
		expect(r.owns('!theirs')).toBe(true);
		expect(r.owns('!plenary')).toBe(false);
		expect(lines).toContain('reports: not taking part in !theirs: the reports room of sv-fgr, not of gt-mp');
		expect(lines).toContain('reports: not taking part in !plenary: a plenary room, not a reports room');
	});

	it('sends the head and the statistics once per period, encrypted content built by policies/reports, and nothing twice after a restart', async () => {
		const file = fresh();
		const clock = { now: T0 };
		const hs = fake([{ room: '!in', membership: 'join', create: create(SVC) }]);
		await reporter(hs.client, file, clock).tick();
		expect(hs.sent.map((s) => Object.keys(s.content).filter((k) => k.startsWith('org.rogatory')))).toEqual([
			['org.rogatory.witness'],
			['org.rogatory.network-stats'],
		]);
		expect(hs.sent[0]!.content['org.rogatory.witness']).toEqual({
			version: 1,
			authority: GT,
			seq: 3,
			hash: 'a'.repeat(64),
			at: '2026-03-01T02:00:00.000Z',
		});
		const first = hs.sent.length;
		clock.now = T0 + 3_600_000;
		await reporter(hs.client, file, clock).tick();
		expect(hs.sent).toHaveLength(first);
		clock.now = T0 + DAY;
		await reporter(hs.client, file, clock).tick();
		expect(hs.sent).toHaveLength(first + 2);
		expect(new Set(hs.sent.map((s) => s.txnId)).size).toBe(hs.sent.length);
	});

	it('sends nothing into its room before one of the secretariat’s staff joined it, whose device could never read it', async () => {
		const file = fresh();
		const lines: string[] = [];
		const hs = fake([{ room: '!in', membership: 'join', create: create(SVC) }]);
		hs.readers.set('!in', 0);
		const r = reporter(hs.client, file, { now: T0 }, true, lines);
		await r.tick();
		await r.tick();
		expect(hs.sent).toEqual([]);
		expect(lines.filter((l) => l === 'reports: waiting for the REFCO secretariat’s staff to join !in')).toHaveLength(1);
		// The staff join: the same period's reports go now.
		hs.readers.set('!in', 1);
		await r.tick();
		expect(hs.sent).toHaveLength(2);
	});

	it('sends a failed report again with the same transaction ID, so the homeserver does not make it twice', async () => {
		const file = fresh();
		const clock = { now: T0 };
		const hs = fake([{ room: '!in', membership: 'join', create: create(SVC) }]);
		// A crash after the send and before the state file: the same period's report goes again under the same transaction.
		await reporter(hs.client, fresh(), clock).tick();
		await reporter(hs.client, file, clock).tick();
		expect(hs.sent.map((s) => s.txnId).slice(2)).toEqual(hs.sent.map((s) => s.txnId).slice(0, 2));
		hs.failing.add('!in');
		const lines: string[] = [];
		clock.now = T0 + DAY;
		await reporter(hs.client, file, clock, true, lines).tick();
		expect(lines.filter((l) => l.includes('could not send'))).toHaveLength(2);
	});
});
