import { describe, expect, it } from 'vitest';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import { buildNetworkStatsContent } from './network-stats-build.ts';
import { parseNetworkStatsContent } from './network-stats-parse.ts';
import {
	NETWORK_STATS_KEY,
	NETWORK_STATS_LIMITS,
	networkStatsPayload,
	type NetworkStatsInput,
	type NetworkStatsPayload,
} from './network-stats.ts';

/** Statistics as bridge/register's registerStats gives them, room IDs of overdue cases included. */
const stats = {
	total: 3,
	bySide: { requesting: 3 },
	byKind: { mla: 2, extradition: 1 },
	byStatus: { sent: 1, 'under-execution': 2 },
	byCounterpartCountry: { NG: 2, KZ: 1 },
	byNetwork: { WACAP: 2, CASC: 1 },
	medianDaysPerStage: { sent: { medianDays: 2.04166, stays: 3 }, received: { medianDays: 10, stays: 1 } },
	overdue: { total: 1, byKind: { mla: 1 }, rooms: ['!overdue:matrix.mp.gt.rogatory.example'] },
};
const none = { total: 0, byKind: {}, byStatus: {}, byCounterpartCountry: {}, medianDaysPerStage: {} };

const INPUT: NetworkStatsInput = {
	authority: 'gt-mp' as AuthorityId,
	network: 'REFCO' as NetworkId,
	asOf: '2026-03-31',
	at: '2026-03-31T08:00:00.000Z',
	sent: { stats, preservations: { onTime: 2, lapsed: 1 } },
	received: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
};

function content(payload: NetworkStatsPayload = networkStatsPayload(INPUT)): Record<string, unknown> {
	const built = buildNetworkStatsContent(payload);
	if (!built.ok) throw new Error(built.error.reason);
	return JSON.parse(JSON.stringify(built.value)) as Record<string, unknown>;
}

/** The content with its payload changed at a key path. */
function edited(path: string[], value: unknown): Record<string, unknown> {
	const c = content();
	let at = c[NETWORK_STATS_KEY] as Record<string, unknown>;
	for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>;
	if (value === undefined) delete at[path[path.length - 1]!];
	else at[path[path.length - 1]!] = value;
	return c;
}

describe('network statistics payload', () => {
	it('copies counts and codes only: no room, no side or network breakdown, medians to a tenth', () => {
		const payload = networkStatsPayload(INPUT);
		expect(payload).toEqual({
			version: 1,
			authority: 'gt-mp',
			network: 'REFCO',
			asOf: '2026-03-31',
			at: '2026-03-31T08:00:00.000Z',
			sent: {
				total: 3,
				byKind: { extradition: 1, mla: 2 },
				byStatus: { sent: 1, 'under-execution': 2 },
				byCounterpartCountry: { KZ: 1, NG: 2 },
				medianDaysPerStage: { received: { medianDays: 10, stays: 1 }, sent: { medianDays: 2, stays: 3 } },
				preservations: { onTime: 2, lapsed: 1 },
			},
			received: { ...none, preservations: { onTime: 0, lapsed: 0 } },
		});
		expect(JSON.stringify(content())).not.toContain('!overdue');
	});

	it('counts a key off its grammar as "unknown" rather than sending it', () => {
		const odd = {
			...stats,
			byKind: { mla: 2, 'Bank records, Operación Cóndor': 1 },
			medianDaysPerStage: { 'Odd Stage': { medianDays: 1, stays: 1 } },
		};
		const payload = networkStatsPayload({ ...INPUT, sent: { ...INPUT.sent, stats: odd } });
		expect(payload.sent.byKind).toEqual({ mla: 2, unknown: 1 });
		expect(payload.sent.medianDaysPerStage).toEqual({});
		expect(JSON.stringify(payload)).not.toContain('Cóndor');
	});

	it('is read back by the secretariat as it was built', () => {
		expect(parseNetworkStatsContent(content())).toEqual({ ok: true, value: networkStatsPayload(INPUT) });
		expect(content().body).toBe('Network statistics of gt-mp for REFCO as of 2026-03-31: 3 requests sent, 0 received');
	});

	it.each([
		['a key the payload does not have', edited(['rooms'], ['!r:x.org']), 'unknown-key', /org\.rogatory\.network-stats\.rooms/],
		['a key a side does not have', edited(['sent', 'overdue'], { total: 1 }), 'unknown-key', /sent\.overdue/],
		['a key preservations do not have', edited(['sent', 'preservations', 'custodian'], 'Mail Ltd'), 'unknown-key', /custodian/],
		['a key a stage does not have', edited(['sent', 'medianDaysPerStage', 'sent', 'room'], '!r'), 'unknown-key', /room/],
		['a missing side', edited(['received'], undefined), 'malformed', /received: this key is required/],
		['free text as a kind', edited(['sent', 'byKind'], { 'Operación Cóndor': 3 }), 'malformed', /byKind key/],
		['a room ID as a status', edited(['sent', 'byStatus'], { '!r:x.org': 3 }), 'malformed', /byStatus key/],
		['a country that is not a code', edited(['sent', 'byCounterpartCountry'], { Nigeria: 3 }), 'malformed', /byCounterpartCountry key/],
		['a text as a count', edited(['sent', 'total'], '3'), 'malformed', /total: must be a whole number/],
		['a count past the cap', edited(['sent', 'preservations', 'lapsed'], NETWORK_STATS_LIMITS.count + 1), 'too-large', /lapsed/],
		['a map that does not add up to the total', edited(['sent', 'byKind'], { mla: 1 }), 'malformed', /adds up to 1, not the total 3/],
		['a median past a century', edited(['sent', 'medianDaysPerStage', 'sent', 'medianDays'], 1e6), 'too-large', /medianDays/],
		['a stage of no stays', edited(['sent', 'medianDaysPerStage', 'sent', 'stays'], 0), 'malformed', /stays/],
		['a day that does not exist', edited(['asOf'], '2026-02-30'), 'malformed', /asOf/],
		['a network that is not a code', edited(['network'], 'refco'), 'malformed', /network/],
		['a later version', edited(['version'], 2), 'unsupported-version', /version 2/],
		['a body that says more', { ...content(), body: 'Network statistics: Operación Cóndor' }, 'malformed', /body/],
		['a key beside the payload', { ...content(), title: 'x' }, 'unknown-key', /title/],
		['a relation', { ...content(), 'm.relates_to': {} }, 'relation-not-allowed', /relates_to/],
		['a mention', { ...content(), 'm.mentions': { user_ids: ['@a:x.org'] } }, 'malformed', /m\.mentions/],
		['no payload', { msgtype: 'm.notice', body: '' }, 'not-a-report', /network-stats/],
	])('refuses %s, with a reason value', (_what, value, code, reason) => {
		const read = parseNetworkStatsContent(value);
		expect(read.ok).toBe(false);
		if (!read.ok) {
			expect(read.error.code).toBe(code);
			expect(read.error.reason).toMatch(reason);
		}
	});

	it('refuses a map past its cap of entries', () => {
		const many = Object.fromEntries(Array.from({ length: NETWORK_STATS_LIMITS.entries + 1 }, (_, i) => [`k${i}`, 0]));
		expect(parseNetworkStatsContent(edited(['sent', 'byKind'], many))).toMatchObject({ ok: false, error: { code: 'too-large' } });
	});

	it('never throws, whatever it is given', () => {
		const hostile = new Proxy(
			{},
			{
				ownKeys: () => {
					throw new Error('boom');
				},
			},
		);
		for (const value of [undefined, 'x', [], hostile, { ...content(), [NETWORK_STATS_KEY]: hostile }])
			expect(parseNetworkStatsContent(value).ok).toBe(false);
	});
});
