import { describe, expect, it } from 'vitest';
import type { PreservationRecord } from '../preservation/record/types.ts';
import { countPreservations, preservationOutcome } from './preservation-outcomes.ts';

const EXPIRES = Date.parse('2026-03-01T05:59:59.999Z');
const DAY = 86_400_000;
const stamp = (at: number) => ({ eventId: '$e', by: '@a:x.org', side: 'requesting', at }) as const;

function record(changes: { confirmed?: boolean; followUp?: number; released?: number }): PreservationRecord {
	return {
		...(changes.confirmed === false ? {} : { deadline: { expiresAt: EXPIRES } }),
		...(changes.followUp === undefined ? {} : { followUp: stamp(changes.followUp) }),
		...(changes.released === undefined ? {} : { released: stamp(changes.released) }),
	} as unknown as PreservationRecord;
}

describe('preservation outcomes', () => {
	it.each([
		['followed up before expiry', record({ followUp: EXPIRES - DAY }), EXPIRES + DAY, 'on-time'],
		['followed up at the last millisecond', record({ followUp: EXPIRES }), EXPIRES + DAY, 'on-time'],
		['followed up before any period ran', record({ confirmed: false, followUp: 1 }), EXPIRES + DAY, 'on-time'],
		['followed up after expiry', record({ followUp: EXPIRES + 1 }), EXPIRES + DAY, 'lapsed'],
		['expired with nothing', record({}), EXPIRES + 1, 'lapsed'],
		['released after expiry', record({ released: EXPIRES + 1 }), EXPIRES + DAY, 'lapsed'],
		['released before expiry', record({ released: EXPIRES - DAY }), EXPIRES + DAY, 'released'],
		['still running', record({}), EXPIRES, 'running'],
		['never confirmed', record({ confirmed: false }), EXPIRES + DAY, 'running'],
	])('%s: %s', (_what, r, now, outcome) => {
		expect(preservationOutcome(r, now)).toBe(outcome);
	});

	it('counts the on-time and the lapsed, and only those', () => {
		const records = [record({ followUp: 1 }), record({ followUp: 2 }), record({}), record({ released: 1 }), record({ confirmed: false })];
		expect(countPreservations(records, EXPIRES + 1)).toEqual({ onTime: 2, lapsed: 1 });
	});
});
