import { describe, expect, it } from 'vitest';
import { networkStatsPayload, parseWitnessFile, type SideStats, type WitnessHead } from '#policies/reports/index.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import { authoritiesCsvFile, barsOf, pictureCsvFile, pictureJsonFile, statisticsView, witnessFile } from './statistics-view.ts';

const REFCO = 'REFCO' as NetworkId;
const none: SideStats = { total: 0, byKind: {}, byStatus: {}, byCounterpartCountry: {}, medianDaysPerStage: {} };
const side = (kind: string, n: number, country: string): SideStats => ({
	total: n,
	byKind: { [kind]: n },
	byStatus: { sent: n },
	byCounterpartCountry: { [country]: n },
	medianDaysPerStage: { sent: { medianDays: 2, stays: n } },
});
const stats = (authority: string, at: string, sent: SideStats, network = REFCO) =>
	networkStatsPayload({
		authority: authority as AuthorityId,
		network,
		asOf: at.slice(0, 10),
		at,
		sent: { stats: sent, preservations: { onTime: 1, lapsed: 0 } },
		received: { stats: none, preservations: { onTime: 0, lapsed: 0 } },
	});
const head = (authority: string, seq: number, at: string): WitnessHead => ({
	authority: authority as AuthorityId,
	seq,
	hash: String(seq % 10).repeat(64),
	at,
});

const READING = {
	stats: [
		stats('gt-mp', '2026-03-01T02:00:00Z', side('mla', 1, 'SV')),
		stats('gt-mp', '2026-03-02T02:00:00Z', side('mla', 3, 'SV')),
		stats('sv-fgr', '2026-03-02T01:00:00Z', side('extradition', 2, 'GT')),
		stats('ng-ca', '2026-03-02T01:00:00Z', side('mla', 9, 'GT'), 'WACAP' as NetworkId),
	],
	heads: [head('gt-mp', 4, '2026-03-01T02:00:00Z'), head('gt-mp', 7, '2026-03-02T02:00:00Z'), head('co-fgn', 2, '2026-03-02T03:00:00Z')],
	ignored: [{ eventId: '$x', reason: 'not-encrypted: sent in the clear' }],
};

describe('the secretariat dashboard’s view', () => {
	it('shows each authority’s latest statistics and head, the picture of the network only, and what was set aside', () => {
		const view = statisticsView(READING, REFCO);
		expect(view.picture.sent.total).toBe(5);
		expect(view.picture.setAside).toBe(2);
		expect(view.authorities).toEqual([
			{ authority: 'co-fgn', heads: 1, latestHead: { seq: 2, at: '2026-03-02T03:00:00Z' } },
			{
				authority: 'gt-mp',
				stats: { asOf: '2026-03-02', at: '2026-03-02T02:00:00Z', sent: 3, received: 0 },
				heads: 2,
				latestHead: { seq: 7, at: '2026-03-02T02:00:00Z' },
			},
			{ authority: 'sv-fgr', stats: { asOf: '2026-03-02', at: '2026-03-02T01:00:00Z', sent: 2, received: 0 }, heads: 0 },
		]);
		expect(view.setAside).toEqual([{ eventId: '$x', reason: 'not-encrypted: sent in the clear' }]);
	});

	it('draws bars largest first, scaled to the largest, with the count as the figure', () => {
		expect(barsOf({ b: 1, a: 4, c: 4, z: 0 })).toEqual([
			{ key: 'a', value: 4, percent: 100 },
			{ key: 'c', value: 4, percent: 100 },
			{ key: 'b', value: 1, percent: 25 },
			{ key: 'z', value: 0, percent: 0 },
		]);
		expect(barsOf({ only: 0 })).toEqual([{ key: 'only', value: 0, percent: 0 }]);
		expect(barsOf({})).toEqual([]);
	});

	it('hands out the picture as CSV and JSON, and one authority’s heads as a file verify --witness reads', () => {
		const view = statisticsView(READING, REFCO);
		const json = pictureJsonFile(view.picture);
		expect(json.filename).toBe('refco-statistics.json');
		expect(JSON.parse(json.text)).toEqual(JSON.parse(JSON.stringify(view.picture)));
		const csv = pictureCsvFile(view.picture);
		expect(csv.filename).toBe('refco-statistics.csv');
		expect(csv.text.startsWith('"side","measure","key","value"\r\n')).toBe(true);
		expect(csv.text).toContain('"sent","by-kind","extradition",2\r\n');
		const who = authoritiesCsvFile(view.picture).text.split('\r\n');
		expect(who.slice(1, 3)).toEqual([
			'"REFCO","gt-mp","2026-03-02","2026-03-02T02:00:00Z",3,0',
			'"REFCO","sv-fgr","2026-03-02","2026-03-02T01:00:00Z",2,0',
		]);
		const heads = witnessFile(REFCO, 'gt-mp' as AuthorityId, READING.heads);
		expect(heads.filename).toBe('refco-witnessed-heads-gt-mp.json');
		const parsed = parseWitnessFile(heads.text);
		expect(parsed.ok && parsed.value.map((h) => [h.authority, h.seq])).toEqual([
			['gt-mp', 4],
			['gt-mp', 7],
		]);
	});
});
