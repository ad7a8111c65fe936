// Issue 14, acceptance 5: `verify --complete <room>` (bridge/register/cli.ts)
// passes on a complete register and names the missing events of one into
// which a gap was put on purpose. A case room between Guatemala and Nigeria
// with both bridges in it gets a flow of encrypted case events and some chat;
// once both registers hold them, the command — run as a process, as an
// administrator would, reading the room's history at the bridge's homeserver
// as the bridge — passes on both. Then a copy of Nigeria's register loses two
// case events (their log rows and seen rows) and one chat message (its seen
// row): the command on the copy exits 1 naming exactly those three. A room
// the bridge is not in is refused (exit 2). The bridges' periodic passes
// record the room's history complete (the register page's `reconciliations`).
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { botSetup, readRegister, verifyComplete, type BotSetup } from '../support/bot/bot-process.ts';
import { stoppedAfterAll } from '../support/bot/test-processes.ts';
import { caseRoomWithBots, crossSignedClient, linearSend, until } from '../support/bot/bot-room.ts';
import { runCaseFlow } from '../support/bot/case-flow.ts';
import { createEncryptedRoom } from '../support/matrix-node-client.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const ng = homeserverOf(federation, 'ng-ca');
const { clients, bot: startBot } = stoppedAfterAll();
// The bridges' periodic reconciliation, shortened (hourly in production): its record per room is the register page's.
process.env['ROGATORY_BRIDGE_RECONCILE_SECONDS'] ??= '5';

/** The bridge's last reconciliation of the room, as the register recorded it. */
function reconciliation(setup: BotSetup, room: string): { complete: number; missing: number } | undefined {
	const raw = new Database(setup.config.registerFile, { readonly: true });
	try {
		return raw.prepare('SELECT complete, missing FROM reconciliations WHERE room_id = ?').get(room) as
			{ complete: number; missing: number } | undefined;
	} finally {
		raw.close();
	}
}

/** The room's event IDs the register recorded as seen (every kind). */
function seenIn(setup: BotSetup, room: string): Set<string> {
	const raw = new Database(setup.config.registerFile, { readonly: true });
	try {
		const rows = raw.prepare('SELECT event_id AS id FROM seen_events WHERE room_id = ?').all(room) as { id: string }[];
		return new Set(rows.map((r) => r.id));
	} finally {
		raw.close();
	}
}

describe('verify --complete', () => {
	it('passes on both bridges’ complete registers, and names exactly the events deleted from a copy', async () => {
		const receiving = await botSetup(ng, federation.homeservers);
		const sending = await botSetup(gt, federation.homeservers);
		const requesting = await crossSignedClient(federation, 'gt-mp', 'complete-gt');
		const requested = await crossSignedClient(federation, 'ng-ca', 'complete-ng');
		clients.push(requesting, requested);
		const [rBot, sBot] = [startBot(receiving), startBot(sending)];
		await Promise.all([rBot.logged('bridge running'), sBot.logged('bridge running')]);
		const room = await caseRoomWithBots(requesting, requested, [receiving.userId, sending.userId]);

		const send = linearSend(room, { requesting, requested });
		const { sent } = await runCaseFlow({ total: 12, requesting: GUATEMALA.id, requested: NIGERIA.id, label: 'complete' }, send);
		const chat: string[] = [];
		for (const [side, body] of [
			['requesting', 'Thanks, received.'],
			['requested', 'We will call tomorrow.'],
			['requesting', 'Fine.'],
		] as const)
			chat.push(await send(side, { msgtype: 'm.text', body }));
		const all = [...sent, ...chat];
		for (const setup of [receiving, sending])
			await until(() => {
				const seen = seenIn(setup, room);
				return all.every((id) => seen.has(id));
			}, `${setup.userId} sees every event`);

		for (const setup of [receiving, sending]) {
			const logged = readRegister(setup)!
				.snapshot.eventLog.filter((r) => r.roomId === room)
				.map((r) => r.eventId);
			expect([...logged].sort()).toEqual([...sent].sort());
			const passed = verifyComplete(setup, room);
			expect(passed.stderr).toBe('');
			expect(passed.stdout).toBe(`register ${setup.config.registerFile}: room ${room} complete: ${all.length} events, all seen\n`);
			expect(passed.status).toBe(0);
		}

		// The bridges' own periodic pass found the room complete too, and recorded it for the register page.
		for (const setup of [receiving, sending])
			await until(() => reconciliation(setup, room)?.complete === 1, `${setup.userId} records a complete pass`, 300);
		expect(reconciliation(receiving, room)).toEqual({ complete: 1, missing: 0 });

		// A gap put on purpose in a copy of Nigeria's register: two case events and one chat message.
		const copy = join(receiving.config.registerFile, '..', 'gap.sqlite');
		const source = new Database(receiving.config.registerFile, { readonly: true });
		await source.backup(copy);
		source.close();
		const gone = [sent[3]!, sent[8]!, chat[1]!];
		const raw = new Database(copy);
		for (const id of gone) {
			raw.prepare('DELETE FROM event_log WHERE event_id = ?').run(id);
			raw.prepare('DELETE FROM seen_events WHERE event_id = ?').run(id);
		}
		raw.close();
		const failed = verifyComplete(receiving, room, copy);
		expect(failed.stdout).toBe('');
		const lines = failed.stderr.trimEnd().split('\n');
		expect(lines[0]).toBe(`register ${copy}: room ${room} incomplete: 3 of ${all.length} events the homeserver holds are missing`);
		const named = lines.slice(1).map((l) => /^missing (\S+) from (\S+) at \S+ \(m\.room\.encrypted\)$/.exec(l));
		expect(named.every((m) => m !== null)).toBe(true);
		expect(new Set(named.map((m) => m![1]))).toEqual(new Set(gone));
		expect(named.find((m) => m![1] === chat[1])![2]).toBe(requested.getUserId());
		expect(failed.status).toBe(1);

		// A room the bridge is not in: refused, nothing judged.
		const elsewhere = await createEncryptedRoom(requesting, []);
		const refused = verifyComplete(sending, elsewhere);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toMatch(
			new RegExp(`^verify --complete: the bridge \\(${sending.userId.replace(/[.]/g, '\\.')}\\) is not in room `),
		);
		expect(refused.status).toBe(2);
	}, 300_000);
});
