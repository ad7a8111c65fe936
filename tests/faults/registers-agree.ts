// What every fault test asserts once a run is over (tests/support/faults/fault-run.ts):
// both bridges' registers hold every event of the flow exactly once, intact,
// nothing undecryptable, `verify` and `verify --complete` pass, the same
// event IDs, folding to the same record.
import { expect } from 'vitest';
import { readRegister, verifyComplete, type BotSetup } from '../support/bot/bot-process.ts';
import { roomEvents, type FaultRun } from '../support/faults/fault-run.ts';

export function expectRegistersAgree(run: FaultRun): void {
	const { room, flow } = run;
	for (const setup of [run.receiving, run.sending]) {
		const ids = roomEvents(setup, room);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.filter((id) => flow.sent.includes(id))).toHaveLength(flow.sent.length);
		const contents = readRegister(setup)!;
		expect(contents.verify.intact).toBe(true);
		expect(contents.snapshot.undecryptable.filter((u) => u.roomId === room)).toEqual([]);
		// And against the homeserver's history, read back to the room's start (`verify --complete`).
		const complete = verifyComplete(setup, room);
		expect(complete.stderr).toBe('');
		expect(complete.stdout).toMatch(/ complete: \d+ events, all seen\n$/);
		expect(complete.status).toBe(0);
	}
	expect(new Set(roomEvents(run.receiving, room))).toEqual(new Set(roomEvents(run.sending, room)));
	// The same record on both sides, although the receiving side logged the gap's events after later ones.
	const caseOf = (setup: BotSetup) => readRegister(setup)!.snapshot.cases.filter((c) => c.roomId === room);
	expect(caseOf(run.receiving)).toEqual(caseOf(run.sending));
	expect(caseOf(run.receiving)).toHaveLength(1);
	expect(caseOf(run.receiving)[0]).toMatchObject({ opened: true, status: 'sent' });
	const moves = (setup: BotSetup) =>
		readRegister(setup)!
			.snapshot.transitions.filter((t) => t.roomId === room)
			.sort((a, b) => a.position - b.position)
			.map((t) => [t.eventId, t.toStatus]);
	expect(moves(run.receiving)).toEqual(moves(run.sending));
	expect(moves(run.receiving)).toHaveLength(flow.transitions);
}
