import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { registerSchema } from '../register/index.ts';
import { must } from '../register/testing.ts';
import { reminderId } from './plan.ts';
import { ANA, at, DAY, FOCAL, harness, HOUR, preservation, ROOM_A, ROOM_B, T0, type Harness } from './testing.ts';

let h: Harness;
afterEach(async () => {
	await h.cleanup();
});

const bodies = (): string[] => h.sender.delivered.map((s) => s.notice.body.split('\n')[0]!);
const rowOf = (id: string) => must(h.register.schedule.get(id));

describe('the reminder scheduler', () => {
	it('sends one reminder at each offset, mentioning the responsible people in the room’s language with the legal zone', async () => {
		h = harness();
		const p = preservation();
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		expect(h.sender.attempts).toEqual([]);
		const expires = p.expires!;
		for (const [offset, left] of [
			[14 * DAY, 'en 14 días'],
			[7 * DAY, 'en 7 días'],
			[48 * HOUR, 'en 2 días'],
			[24 * HOUR, 'en 24 horas'],
			[0, 'ya vencida'],
		] as const) {
			await at(h, expires - offset - 1);
			const before = h.sender.delivered.length;
			await at(h, expires - offset);
			expect(h.sender.delivered.length).toBe(before + 1);
			const { notice, room } = h.sender.delivered.at(-1)!;
			expect(room).toBe(ROOM_A);
			expect(notice.msgtype).toBe('m.notice');
			expect(notice['m.mentions'].user_ids).toEqual([ANA]);
			expect(notice.body).toContain(ANA);
			expect(notice.body).toContain('(America/Guatemala)');
			expect(notice.body).toContain('2026-01-25 06:00 UTC-06:00');
			expect(notice.body).toContain(left);
			expect(notice.body.startsWith('Recordatorio de conservación — Provider X: ana@example.com')).toBe(true);
			// Acknowledged at once, so no escalation comes between the offsets.
			h.scheduler.observe([{ room: ROOM_A, eventId: `$ack${offset}`, sender: ANA, originServerTs: h.clock.now() + 1, content: {} }]);
		}
		await at(h, expires + 10 * DAY);
		expect(h.sender.delivered).toHaveLength(5);
		expect(new Set(h.sender.attempts.map((a) => a.txnId)).size).toBe(5);
	});

	it('keeps the schedule in the register: a reminder due while the bridge was down is sent once after the restart', async () => {
		h = harness();
		const p = preservation();
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		await h.scheduler.stop();
		h.clock.set(p.expires! - 14 * DAY + HOUR); // down across the first offset
		h.restart().start(h.sender.send);
		await h.scheduler.idle();
		expect(bodies()).toEqual([expect.stringContaining('en 14 días')]);
		await h.scheduler.stop();
		h.restart().start(h.sender.send);
		await at(h, p.expires! - 8 * DAY);
		// Once; the other notice since is its escalation (nobody acknowledged).
		expect(h.sender.attempts.map((a) => a.notice.body.split(' — ')[0])).toEqual(['Recordatorio de conservación', 'Conservación sin acuse']);
		expect(rowOf(reminderId(ROOM_A, '$p1', p.expires!, 14 * DAY))?.state).toBe('sent');
	});

	it('sends a reminder cut off by a crash between the send and its record again with the same transaction ID: the room gets one', async () => {
		h = harness();
		const p = preservation();
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		// The "crash": the event is made, then the scheduler stops before it records it.
		h.sender.afterSend = () => void h.scheduler.stop();
		const sent = new Promise<void>((resolve) => {
			const inner = h.sender.afterSend!;
			h.sender.afterSend = () => {
				inner();
				resolve();
			};
		});
		h.clock.set(p.expires! - 14 * DAY);
		await sent;
		const id = reminderId(ROOM_A, '$p1', p.expires!, 14 * DAY);
		h.sender.afterSend = undefined;
		// Stopping does not abandon a send under way, so roll the row back to the state a crash leaves.
		await h.scheduler.stop();
		h.register.db.update(registerSchema.reminders).set({ state: 'sending', sentAt: null }).where(eq(registerSchema.reminders.id, id)).run();
		h.restart().start(h.sender.send);
		await h.scheduler.idle();
		expect(h.sender.attempts.map((a) => a.txnId)).toEqual([`rogatory-reminder-${id}`, `rogatory-reminder-${id}`]);
		expect(h.sender.delivered).toHaveLength(1);
		expect(rowOf(id)?.state).toBe('sent');
	});

	it('sends only the latest of several reminders due at once, and skips the others', async () => {
		h = harness();
		const p = preservation({ expires: T0 + 36 * HOUR });
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		expect(bodies()).toEqual([expect.stringContaining('en 36 horas')]);
		expect(rowOf(reminderId(ROOM_A, '$p1', p.expires!, 48 * HOUR))?.state).toBe('sent');
		for (const offset of [14 * DAY, 7 * DAY]) expect(rowOf(reminderId(ROOM_A, '$p1', p.expires!, offset))?.state).toBe('skipped');
		expect(rowOf(reminderId(ROOM_A, '$p1', p.expires!, 24 * HOUR))?.state).toBe('scheduled');
	});

	it('cancels the reminders of an ended preservation and re-plans a moved expiry', async () => {
		h = harness();
		const ended = preservation({ id: '$p1' });
		const extended = preservation({ id: '$p2', room: ROOM_B });
		h.source.set(ended, extended);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		h.source.set({ ...ended, status: 'ended' }, { ...extended, expires: extended.expires! + 30 * DAY });
		h.scheduler.plan([ROOM_A, ROOM_B]);
		await at(h, T0 + 20 * DAY);
		expect(h.sender.attempts).toEqual([]);
		expect(rowOf(reminderId(ROOM_A, '$p1', ended.expires!, 0))?.state).toBe('cancelled');
		expect(rowOf(reminderId(ROOM_B, '$p2', extended.expires!, 0))?.state).toBe('cancelled');
		await at(h, extended.expires! + 30 * DAY - 14 * DAY);
		expect(h.sender.delivered.map((s) => s.room)).toEqual([ROOM_B]);
		expect(h.sender.delivered[0]!.notice.body).toContain('Preservation reminder');
	});

	it('cancels a reminder whose preservation ended after it was planned, when it comes due', async () => {
		h = harness();
		const p = preservation();
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await h.scheduler.idle();
		h.source.set({ ...p, status: 'ended' }); // not re-planned: the scheduler finds out when the row is due
		await at(h, p.expires! - 14 * DAY);
		expect(h.sender.attempts).toEqual([]);
		expect(rowOf(reminderId(ROOM_A, '$p1', p.expires!, 14 * DAY))?.state).toBe('cancelled');
	});

	it('escalates to the focal point when nobody acknowledges in time, and not when someone does', async () => {
		h = harness();
		const quiet = preservation({ id: '$quiet' });
		const answered = preservation({ id: '$answered', room: ROOM_B });
		h.source.set(quiet, answered);
		h.scheduler.start(h.sender.send);
		const first = quiet.expires! - 14 * DAY;
		await at(h, first);
		expect(h.sender.delivered).toHaveLength(2);
		// Someone else speaking, or the bot, acknowledges nothing; the person mentioned does.
		h.scheduler.observe([
			{ room: ROOM_A, eventId: '$x', sender: '@other:gt.example', originServerTs: first + HOUR, content: {} },
			{ room: ROOM_A, eventId: '$y', sender: '@bot:gt.example', originServerTs: first + HOUR, content: {} },
			{ room: ROOM_B, eventId: '$z', sender: ANA, originServerTs: first + HOUR, content: {} },
		]);
		await at(h, first + 24 * HOUR - 1);
		expect(h.sender.delivered).toHaveLength(2);
		await at(h, first + 24 * HOUR);
		expect(h.sender.delivered).toHaveLength(3);
		const escalation = h.sender.delivered[2]!;
		expect(escalation.room).toBe(ROOM_A);
		expect(escalation.notice['m.mentions'].user_ids).toEqual([FOCAL]);
		expect(escalation.notice.body).toContain(FOCAL);
		expect(escalation.notice.body.startsWith('Conservación sin acuse')).toBe(true);
		const acked = rowOf(reminderId(ROOM_B, '$answered', answered.expires!, 14 * DAY));
		expect(acked).toMatchObject({ acknowledgedBy: ANA, acknowledgedAt: first + HOUR });
		await at(h, first + 3 * DAY);
		expect(h.sender.delivered).toHaveLength(3);
	});

	it('escalates before the next offset when that comes sooner than the acknowledgement time, to the preservation’s own focal point', async () => {
		h = harness();
		const p = preservation({ focalPoint: '@own-focal:gt.example' });
		h.source.set(p);
		h.scheduler.start(h.sender.send);
		await at(h, p.expires! - 48 * HOUR);
		await at(h, p.expires! - 24 * HOUR);
		const [, escalation, next] = h.sender.delivered;
		expect(escalation?.notice['m.mentions'].user_ids).toEqual(['@own-focal:gt.example']);
		expect(next?.notice['m.mentions'].user_ids).toEqual([ANA]);
	});

	it('tries a failed send again, and gives up on a room that refuses the bot', async () => {
		h = harness({ offsets: [0], escalateAfterMs: DAY, retryMs: 60_000 });
		const p = preservation();
		h.source.set(p, preservation({ id: '$p2', room: ROOM_B }));
		h.scheduler.start(h.sender.send);
		h.sender.fail = { final: false, message: 'timeout' };
		await at(h, p.expires!);
		expect(h.sender.attempts).toHaveLength(2);
		h.sender.fail = undefined;
		await at(h, p.expires! + 60_000);
		expect(h.sender.delivered).toHaveLength(2);
		expect(h.sender.attempts).toHaveLength(4);
		h.sender.fail = { final: true, message: 'M_FORBIDDEN' };
		h.source.set(preservation({ id: '$p3', expires: p.expires! + DAY }));
		h.scheduler.plan([ROOM_A]);
		await at(h, p.expires! + DAY);
		expect(rowOf(reminderId(ROOM_A, '$p3', p.expires! + DAY, 0))?.state).toBe('failed');
	});
});
