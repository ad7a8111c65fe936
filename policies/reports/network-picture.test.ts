import { describe, expect, it } from 'vitest';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import { networkPicture, weightedMedian } from './network-picture.ts';
import { networkStatsPayload, type NetworkStatsPayload, type SideStats } from './network-stats.ts';
import { pictureAuthoritiesCsv, pictureCsv, pictureJson } from './picture-export.ts';

const REFCO = 'REFCO' as NetworkId;
const none: SideStats = { total: 0, byKind: {}, byStatus: {}, byCounterpartCountry: {}, medianDaysPerStage: {} };

function payload(authority: string, at: string, sent: SideStats, received: SideStats = none, network = REFCO): NetworkStatsPayload {
	return networkStatsPayload({
		authority: authority as AuthorityId,
		network,
		asOf: at.slice(0, 10),
		at,
		sent: { stats: sent, preservations: { onTime: sent.total, lapsed: 1 } },
		received: { stats: received, preservations: { onTime: 0, lapsed: 0 } },
	});
}

const side = (kind: string, n: number, country: string, days: number, stays: number): SideStats => ({
	total: n,
	byKind: { [kind]: n },
	byStatus: { received: n },
	byCounterpartCountry: { [country]: n },
	medianDaysPerStage: { sent: { medianDays: days, stays } },
});

const GT_OLD = payload('gt-mp', '2026-03-01T08:00:00Z', side('mla', 1, 'SV', 1, 1));
const GT = payload('gt-mp', '2026-03-31T08:00:00Z', side('mla', 3, 'SV', 2, 3), side('mla', 2, 'SV', 5, 2));
const SV = payload('sv-fgr', '2026-03-31T06:00:00-06:00', side('extradition', 2, 'GT', 10, 1), side('mla', 3, 'GT', 4, 3));
const OTHER = payload('ng-ca', '2026-03-31T08:00:00Z', side('mla', 9, 'GT', 1, 9), none, 'WACAP' as NetworkId);

describe('the network picture', () => {
	it('adds up the latest payload of each authority of the network', () => {
		const picture = networkPicture([GT_OLD, SV, GT, OTHER], REFCO);
		expect(picture.authorities).toEqual([
			{ authority: 'gt-mp', asOf: '2026-03-31', at: '2026-03-31T08:00:00Z', sent: 3, received: 2 },
			{ authority: 'sv-fgr', asOf: '2026-03-31', at: '2026-03-31T06:00:00-06:00', sent: 2, received: 3 },
		]);
		expect(picture.setAside).toBe(2);
		expect(picture.sent).toEqual({
			total: 5,
			byKind: { extradition: 2, mla: 3 },
			byStatus: { received: 5 },
			byCounterpartCountry: { GT: 2, SV: 3 },
			// gt-mp: 2 days over 3 stays, sv-fgr: 10 days over 1: the weighted median is gt-mp's.
			medianDaysPerStage: { sent: { weightedMedianDays: 2, stays: 4, authorities: 2 } },
			preservations: { onTime: 5, lapsed: 2 },
		});
		expect(picture.received.total).toBe(5);
	});

	it('is the same picture, to the byte, for any order of arrival', () => {
		const orders = [
			[GT_OLD, SV, GT, OTHER],
			[OTHER, GT, SV, GT_OLD],
			[SV, GT_OLD, OTHER, GT],
		];
		const outputs = orders.map((o) => networkPicture(o, REFCO)).map((p) => [pictureJson(p), pictureCsv(p), pictureAuthoritiesCsv(p)]);
		expect(new Set(outputs.map((o) => o.join('\u0000'))).size).toBe(1);
		// A tie on `at` is decided by the payload, not by the order.
		const twin = payload('gt-mp', '2026-03-31T08:00:00Z', side('mla', 4, 'SV', 2, 3));
		expect(networkPicture([GT, twin], REFCO)).toEqual(networkPicture([twin, GT], REFCO));
	});

	it('is empty for a network no one reported to', () => {
		const picture = networkPicture([GT, OTHER], 'CASC' as NetworkId);
		expect(picture).toMatchObject({ authorities: [], setAside: 2, sent: { total: 0, byKind: {}, medianDaysPerStage: {} } });
	});

	it('exports CSV with a header, quoted codes, bare numbers and CRLF', () => {
		const picture = networkPicture([GT, SV], REFCO);
		const csv = pictureCsv(picture).split('\r\n');
		expect(csv[0]).toBe('"side","measure","key","value"');
		expect(csv).toContain('"sent","requests","",5');
		expect(csv).toContain('"sent","by-counterpart-country","GT",2');
		expect(csv).toContain('"sent","weighted-median-days","sent",2');
		expect(csv).toContain('"received","preservations-lapsed","",0');
		expect(pictureAuthoritiesCsv(picture)).toBe(
			'"network","authority","as_of","at","sent","received"\r\n' +
				'"REFCO","gt-mp","2026-03-31","2026-03-31T08:00:00Z",3,2\r\n' +
				'"REFCO","sv-fgr","2026-03-31","2026-03-31T06:00:00-06:00",2,3\r\n',
		);
		expect(JSON.parse(pictureJson(picture))).toEqual(picture);
	});
});

describe('weightedMedian', () => {
	it('takes the lower median of values repeated by their weights', () => {
		expect(weightedMedian([{ value: 1, weight: 1 }])).toBe(1);
		expect(
			weightedMedian([
				{ value: 10, weight: 1 },
				{ value: 2, weight: 3 },
			]),
		).toBe(2);
		expect(
			weightedMedian([
				{ value: 1, weight: 2 },
				{ value: 5, weight: 2 },
			]),
		).toBe(1);
		expect(
			weightedMedian([
				{ value: 1, weight: 1 },
				{ value: 5, weight: 3 },
			]),
		).toBe(5);
		expect(weightedMedian([])).toBe(0);
	});
});
