import { describe, expect, it } from 'vitest';
import { escalationId, planEscalation, planReminders, reminderId } from './plan.ts';
import { DAY, HOUR, preservation, ROOM_A } from './testing.ts';
import { DEFAULT_SETTINGS } from './types.ts';

describe('planning reminders', () => {
	it('gives an active preservation one row per offset, with IDs derived from room, preservation, expiry and offset', () => {
		const p = preservation();
		const rows = planReminders(p, DEFAULT_SETTINGS);
		expect(rows.map((r) => p.expires! - r.dueAt)).toEqual([14 * DAY, 7 * DAY, 48 * HOUR, 24 * HOUR, 0]);
		expect(planReminders(p, DEFAULT_SETTINGS)).toEqual(rows);
		expect(rows[0]!.id).toBe(reminderId(ROOM_A, '$p1', p.expires!, 14 * DAY));
		expect(rows[0]!.txnId).toBe(`rogatory-reminder-${rows[0]!.id}`);
		expect(new Set(rows.map((r) => r.id)).size).toBe(5);
		const moved = planReminders({ ...p, expires: p.expires! + DAY }, DEFAULT_SETTINGS);
		expect(moved.some((r) => rows.some((q) => q.id === r.id))).toBe(false);
	});

	it('plans nothing for an ended preservation or one without a deadline yet', () => {
		expect(planReminders(preservation({ status: 'ended' }), DEFAULT_SETTINGS)).toEqual([]);
		expect(planReminders(preservation({ expires: undefined }), DEFAULT_SETTINGS)).toEqual([]);
	});

	it('escalates after the acknowledgement time, or at the next offset when that is sooner', () => {
		const p = preservation();
		const [fourteen, , fortyEight, , atExpiry] = planReminders(p, DEFAULT_SETTINGS);
		const e = planEscalation(fourteen!, fourteen!.dueAt, DEFAULT_SETTINGS);
		expect(e).toMatchObject({ kind: 'escalation', escalates: fourteen!.id, dueAt: fourteen!.dueAt + DAY, id: escalationId(fourteen!.id) });
		expect(planEscalation(fortyEight!, fortyEight!.dueAt, { ...DEFAULT_SETTINGS, escalateAfterMs: 36 * HOUR }).dueAt).toBe(
			p.expires! - 24 * HOUR,
		);
		expect(planEscalation(atExpiry!, p.expires!, DEFAULT_SETTINGS).dueAt).toBe(p.expires! + DAY);
	});
});
