import { describe, expect, it } from 'vitest';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import type { TrustVerdict } from '../trust/verdict.ts';
import { networkStatsPayload, type SideStats } from './network-stats.ts';
import { buildNetworkStatsContent } from './network-stats-build.ts';
import { readReports, witnessFileText, type ReportsRoomEvent } from './reports-room.ts';
import { buildWitnessContent } from './witness-build.ts';
import { parseWitnessFile } from './witness-parse.ts';

const GT = 'gt-mp' as AuthorityId;
const SV = 'sv-fgr' as AuthorityId;
const GT_BRIDGE = '@rogatory-bridge:gt.example';
const SV_BRIDGE = '@rogatory-bridge:sv.example';
const BRIDGES = new Map([
	[GT, GT_BRIDGE],
	[SV, SV_BRIDGE],
]);
const COUNTS: TrustVerdict = { counts: true, verification: 'verified' };
const none: SideStats = { total: 0, byKind: {}, byStatus: {}, byCounterpartCountry: {}, medianDaysPerStage: {} };

const must = <T>(r: { ok: true; value: T } | { ok: false; error: unknown }): T => {
	if (!r.ok) throw new Error(JSON.stringify(r.error));
	return r.value;
};
const head = (authority: AuthorityId, seq: number, at: string) => ({ authority, seq, hash: String(seq % 10).repeat(64), at });
const witness = (authority: AuthorityId, seq: number, at = '2026-03-01T02:00:00Z') => must(buildWitnessContent(head(authority, seq, at)));
const stats = (authority: AuthorityId) =>
	must(
		buildNetworkStatsContent(
			networkStatsPayload({
				authority,
				network: 'REFCO' as NetworkId,
				asOf: '2026-03-01',
				at: '2026-03-01T02:00:00Z',
				sent: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
				received: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
			}),
		),
	);
const event = (eventId: string, sender: string, content: unknown, verdict: TrustVerdict = COUNTS): ReportsRoomEvent => ({
	eventId,
	sender,
	type: 'm.room.message',
	content,
	verdict,
});

describe('readReports', () => {
	it('takes the heads and statistics each bridge sent about its own authority', () => {
		const read = readReports(
			[event('$1', GT_BRIDGE, witness(GT, 3)), event('$2', GT_BRIDGE, stats(GT)), event('$3', SV_BRIDGE, witness(SV, 1))],
			BRIDGES,
		);
		expect(read.heads).toEqual([head(GT, 3, '2026-03-01T02:00:00Z'), head(SV, 1, '2026-03-01T02:00:00Z')]);
		expect(read.stats.map((s) => s.authority)).toEqual([GT]);
		expect(read.ignored).toEqual([]);
	});

	it('sets aside, each with its reason, a report by anyone but the authority’s bridge, an untrusted one and a malformed one', () => {
		const read = readReports(
			[
				event('$forged', SV_BRIDGE, witness(GT, 9)),
				event('$staff', '@refco.secretariat:gt.example', stats(GT)),
				event('$clear', GT_BRIDGE, witness(GT, 9), { counts: false, code: 'not-encrypted', reason: 'sent in the clear' }),
				event('$chat', GT_BRIDGE, { msgtype: 'm.text', body: 'hello' }),
				event('$extra', GT_BRIDGE, { ...witness(GT, 9), 'org.rogatory.witness': { ...head(GT, 9, 'x'), version: 1, note: 'case X' } }),
			],
			BRIDGES,
		);
		expect(read.heads).toEqual([]);
		expect(read.stats).toEqual([]);
		expect(read.ignored.map((i) => i.eventId)).toEqual(['$forged', '$staff', '$clear', '$chat', '$extra']);
		const [forged, staff, clear, chat, extra] = read.ignored.map((i) => i.reason);
		expect(forged).toBe(`${SV_BRIDGE} is not the bridge of gt-mp (${GT_BRIDGE}): its report is not taken`);
		expect(staff).toMatch(/is not the bridge of gt-mp/);
		expect(clear).toBe('not-encrypted: sent in the clear');
		expect(chat).toMatch(/^not a report/);
		expect(extra).toMatch(/^unknown-key: /);
	});

	it('refuses a report about another authority in a room marked for one', () => {
		const read = readReports([event('$1', GT_BRIDGE, witness(GT, 2))], BRIDGES, () => SV);
		expect(read.heads).toEqual([]);
		expect(read.ignored).toEqual([{ eventId: '$1', reason: 'a report about gt-mp in the reports room of sv-fgr: not taken' }]);
	});
});

describe('witnessFileText', () => {
	it('writes the file verify --witness reads back, sorted by authority, seq and time', () => {
		const heads = [head(SV, 1, '2026-03-01T02:00:00Z'), head(GT, 7, '2026-03-02T02:00:00Z'), head(GT, 3, '2026-03-01T02:00:00Z')];
		const text = witnessFileText(heads);
		expect(parseWitnessFile(text)).toEqual({ ok: true, value: [heads[2], heads[1], heads[0]] });
		expect(witnessFileText([])).toBe('[\n\n]\n');
		expect(parseWitnessFile(witnessFileText([]))).toEqual({ ok: true, value: [] });
	});
});
