// Metric `timers` (issue 5, acceptance 5): the bridge's reminder scheduler
// (bridge/reminders) over 100,000 active preservations — 500,000 reminder rows
// in a real register file — reports
// - its memory: the heap and RSS growth from planning them all (one queue
//   entry per row, one timer; the baseline is the process before), and
// - the p99 lateness of reminders: 1,000 of them fall due 10 ms apart while
//   the other 499,000 wait, each sent through the scheduler's whole path
//   (claim, re-read, record, escalation planned: register transactions with
//   synchronous=FULL) to a stand-in homeserver that answers at once. The
//   baseline is the scheduler's own tick: the lateness of an empty loop over
//   the same instants with the same queue and one timer, in the same run.
// Real clock; Matrix is not measured here (bridge_ingest is).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { ok } from '../../policies/result.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { openRegister } from '../../bridge/register/index.ts';
import { realClock } from '../../bridge/reminders/clock.ts';
import { DueHeap } from '../../bridge/reminders/heap.ts';
import type { NoticeSender } from '../../bridge/reminders/hook.ts';
import { reminderId, txnIdOf } from '../../bridge/reminders/plan.ts';
import { ReminderScheduler, type PreservationSource } from '../../bridge/reminders/scheduler.ts';
import { DEFAULT_SETTINGS, type ScheduledPreservation } from '../../bridge/reminders/types.ts';
import { percentile, report } from './stats.ts';

const PRESERVATIONS = 100_000;
const DUE = 1_000;
const SPACING_MS = 10;
const LEAD_MS = 3_000;
const DAY = 86_400_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

function memory(): { heap: number; rss: number } {
	gc();
	gc();
	const m = process.memoryUsage();
	return { heap: m.heapUsed, rss: m.rss };
}

function preservationIn(i: number, expires: number): ScheduledPreservation {
	return {
		room: `!bench${i}:mp.gt.rogatory.example`,
		id: `$preservation${i}`,
		expires,
		zone: 'America/Guatemala',
		responsible: ['@ana.lopez:mp.gt.rogatory.example'],
		label: `Provider ${i}: account${i}@example.com`,
		status: 'active',
	};
}

/** The scheduler's own tick: one timer over the same queue of instants, doing nothing when each comes. */
async function emptyLoopLateness(instants: readonly number[]): Promise<number[]> {
	const heap = new DueHeap();
	instants.forEach((due, i) => heap.push({ due, id: `b${i}` }));
	const late: number[] = [];
	const signal = new AbortController().signal;
	for (let head = heap.peek(); head !== undefined; head = heap.peek()) {
		await realClock.sleepUntil(head.due, signal);
		for (let now = Date.now(), due = heap.peek(); due !== undefined && due.due <= now; due = heap.peek()) {
			heap.pop();
			late.push(now - due.due);
		}
	}
	return late;
}

export async function timersMetric(): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-timers-'));
	const opened = openRegister(join(dir, 'register.sqlite'), { roster: demoRoster, servers: serversFromRoster(demoRoster) });
	if (!opened.ok) throw new Error(opened.error.message);
	const register = opened.value;
	try {
		const byRoom = new Map<string, ScheduledPreservation[]>();
		const start = Date.now();
		for (let i = DUE; i < PRESERVATIONS; i++) {
			const p = preservationIn(i, start + 30 * DAY + i * 60_000);
			byRoom.set(p.room, [p]);
		}
		const source: PreservationSource = { rooms: () => ok([...byRoom.keys()]), inRoom: (room) => ok(byRoom.get(room) ?? []) };
		const dueOf = new Map<string, number>();
		const late: number[] = [];
		let sent = 0;
		const send: NoticeSender = (_room, _notice, txnId) => {
			const due = dueOf.get(txnId);
			if (due !== undefined) late.push(Date.now() - due);
			sent++;
			return Promise.resolve(ok(`$sent${sent}`));
		};
		const scheduler = new ReminderScheduler({
			store: register.schedule,
			source,
			clock: realClock,
			settings: DEFAULT_SETTINGS,
			language: () => 'es',
			focalPoints: ['@lucia.ramirez:mp.gt.rogatory.example'],
			log: () => {},
		});
		const before = memory();
		const t0 = performance.now();
		scheduler.start(send);
		await scheduler.idle();

		// The 1,000 whose 14-day reminder falls in the window, planned as a batch commit would.
		const windowStart = Date.now() + LEAD_MS;
		const dueRooms: string[] = [];
		for (let i = 0; i < DUE; i++) {
			const due = windowStart + i * SPACING_MS;
			const p = preservationIn(i, due + 14 * DAY);
			byRoom.set(p.room, [p]);
			dueRooms.push(p.room);
			dueOf.set(txnIdOf(reminderId(p.room, p.id, p.expires!, 14 * DAY)), due);
		}
		scheduler.plan(dueRooms);
		const planMs = performance.now() - t0;
		const after = memory();
		const queued = scheduler.queued;
		await scheduler.idle();
		// The scheduler's timers while it waits for the window: one, however many rows it holds.
		const timeouts = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
		if (Date.now() > windowStart) throw new Error(`planning overran the window's start by ${Date.now() - windowStart} ms`);

		const deadline = windowStart + DUE * SPACING_MS + 120_000;
		while (late.length < DUE && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
		await scheduler.stop();
		if (late.length < DUE) throw new Error(`only ${late.length} of ${DUE} reminders were sent`);

		const baseStart = Date.now() + 500;
		const baseline = await emptyLoopLateness(Array.from({ length: DUE }, (_, i) => baseStart + i * SPACING_MS));

		report({
			metric: 'timers_memory',
			value: (after.heap - before.heap) / MB,
			unit: 'MB',
			baseline: before.heap / MB,
			baseline_is: 'the process heap before the scheduler planned them (register open, preservations in memory)',
			n: PRESERVATIONS,
			rows_queued: queued,
			timers: timeouts,
			rss_delta_mb: Math.round(((after.rss - before.rss) / MB) * 10) / 10,
			rss_mb: Math.round((after.rss / MB) * 10) / 10,
			plan_ms: Math.round(planMs),
		});
		report({
			metric: 'timers_lateness_p99',
			value: percentile(late, 99),
			unit: 'ms',
			baseline: Math.max(percentile(baseline, 99), 1),
			baseline_is: 'p99 lateness of an empty one-timer loop over the same instants, same run (floored at 1 ms)',
			n: DUE,
			p50: percentile(late, 50),
			max: Math.max(...late),
			baseline_p50: percentile(baseline, 50),
			spacing_ms: SPACING_MS,
			preservations: PRESERVATIONS,
		});
	} finally {
		register.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
