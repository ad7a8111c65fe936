import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { CONTEXT } from '../../policies/cases/testing/fixtures.ts';
import { AMINA, ANA, confirm, envelope, REQUEST, REQUEST_ID, ROOM } from '../../policies/preservation/record/testing/fixtures.ts';
import { demoRoster, GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import type { PreservationEvent } from '../../policies/preservation/record/index.ts';
import type { Register } from '../register/index.ts';
import { batch, MLA_HISTORY, must, open, tempDir } from '../register/testing.ts';
import { caseReminders, focalPointsOf } from './case-reminders.ts';
import { ManualClock } from './clock.ts';
import { reminderId } from './plan.ts';
import { DAY, RecordingSender } from './testing.ts';

const dir = tempDir();
const hooks: ReturnType<typeof caseReminders>[] = [];
const registers: Register[] = [];
afterEach(async () => {
	for (const h of hooks.splice(0)) await h.scheduler.stop();
	for (const r of registers.splice(0)) r.close();
});
afterAll(() => dir.cleanup());

// The US rule (18 U.S.C. § 2703(f)): 90 days from the confirmation, counted in New York.
const CONFIRMED_AT = '2026-01-06T10:00:00-05:00';
const EXPIRES = Date.parse('2026-04-06T23:59:59.999-04:00');

function setup(authority: typeof GUATEMALA.id, name: string) {
	const register = open(dir.file(name));
	registers.push(register);
	must(register.ingest(batch(MLA_HISTORY)));
	const clock = new ManualClock(Date.parse('2026-01-07T00:00:00Z'));
	const log: string[] = [];
	const hook = caseReminders({ register, roster: demoRoster, servers: CONTEXT.servers, authority, clock, log: (l) => log.push(l) });
	hooks.push(hook);
	const sender = new RecordingSender();
	const see = (id: string, who: string, at: number, event: PreservationEvent): void => {
		const e = { ...envelope(id, who as never, at, event), room: ROOM };
		hook.observe([e]);
		hook.committed([ROOM]);
	};
	return { register, clock, hook, sender, see, log };
}

describe('the bot’s preservation reminders', () => {
	it('folds the kept preservation events and reminds the bot’s own people, in the room’s language, naming the legal zone', async () => {
		const gt = setup(GUATEMALA.id, 'gt.sqlite');
		gt.see(REQUEST_ID, ANA, Date.parse('2026-01-05T15:00:00Z'), REQUEST);
		gt.see('$conf', AMINA, Date.parse('2026-01-06T15:00:00Z'), confirm(CONFIRMED_AT));
		gt.hook.start(gt.sender.send);
		await gt.hook.scheduler.idle();
		const id = reminderId(ROOM, REQUEST_ID, EXPIRES, 14 * DAY);
		expect(must(gt.register.schedule.get(id))?.state).toBe('scheduled');
		gt.clock.set(EXPIRES - 14 * DAY);
		await gt.hook.scheduler.idle();
		const [sent] = gt.sender.delivered;
		expect(sent?.room).toBe(ROOM);
		expect(sent?.notice['m.mentions'].user_ids).toEqual([ANA]);
		expect(sent?.notice.body).toContain('Recordatorio de conservación — Example Mail Ltd.: suspect@example.com, +234 800 000 0000');
		expect(sent?.notice.body).toContain('2026-04-06 23:59 UTC-04:00 (America/New_York)');

		// The requested side's bridge reminds the officer who confirmed it.
		const ng = setup(NIGERIA.id, 'ng.sqlite');
		ng.see(REQUEST_ID, ANA, Date.parse('2026-01-05T15:00:00Z'), REQUEST);
		ng.see('$conf', AMINA, Date.parse('2026-01-06T15:00:00Z'), confirm(CONFIRMED_AT));
		ng.hook.start(ng.sender.send);
		ng.clock.set(EXPIRES - 14 * DAY);
		await ng.hook.scheduler.idle();
		expect(ng.sender.delivered.map((s) => s.notice['m.mentions'].user_ids)).toEqual([[AMINA]]);
	});

	it('cancels the reminders when the preservation is released, and keeps each event once however often a batch is replayed', async () => {
		const gt = setup(GUATEMALA.id, 'released.sqlite');
		gt.hook.start(gt.sender.send);
		gt.see(REQUEST_ID, ANA, Date.parse('2026-01-05T15:00:00Z'), REQUEST);
		gt.see(REQUEST_ID, ANA, Date.parse('2026-01-05T15:00:00Z'), REQUEST);
		gt.see('$conf', AMINA, Date.parse('2026-01-06T15:00:00Z'), confirm(CONFIRMED_AT));
		expect(must(gt.register.schedule.kept(ROOM))).toHaveLength(2);
		expect(must(gt.register.schedule.get(reminderId(ROOM, REQUEST_ID, EXPIRES, 0)))?.state).toBe('scheduled');
		gt.see('$rel', AMINA, Date.parse('2026-01-08T15:00:00Z'), { type: 'preservation-released', preservation: REQUEST_ID });
		expect(must(gt.register.schedule.get(reminderId(ROOM, REQUEST_ID, EXPIRES, 0)))?.state).toBe('cancelled');
		gt.clock.set(EXPIRES + DAY);
		await gt.hook.scheduler.idle();
		expect(gt.sender.attempts).toEqual([]);
	});

	it('finds the authority’s focal points in the roster, on its homeserver', () => {
		expect(focalPointsOf(demoRoster, CONTEXT.servers, GUATEMALA.id)).toEqual([`@lucia.ramirez:${GUATEMALA.homeserver}`]);
		expect(focalPointsOf(demoRoster, new Map(), GUATEMALA.id)).toEqual([]);
	});
});
