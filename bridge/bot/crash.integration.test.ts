// Issue 4, acceptance 1: a flow of case events across two homeservers (a
// Guatemala and a Nigeria sender, real case events, valid and invalid) into a
// case room; Guatemala's bridge is killed with SIGKILL at random moments and
// restarted each time. At the end its register equals — snapshot for
// snapshot, the checkpoint aside — the register of a second bot of the same
// authority that sat in the same room over the same flow and was never
// killed; `verify` passes on both and no event is undecryptable.
// ROGATORY_CRASH_EVENTS and ROGATORY_CRASH_KILLS set the size (default, and
// acceptance: 1,000 events, 20 kills).
import { describe, expect, inject, it } from 'vitest';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { homeserverOf } from '../../tests/support/federation-info.ts';
import { botSetup, readRegister, type BotProcess, type BotSetup, type RegisterContents } from '../../tests/support/bot/bot-process.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';
import { caseRoomWithBots, crossSignedClient, linearSend, until } from '../../tests/support/bot/bot-room.ts';
import { runCaseFlow } from '../../tests/support/bot/case-flow.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: startBot } = stoppedAfterAll();
const TOTAL = Number(process.env['ROGATORY_CRASH_EVENTS'] ?? 1000);
const KILLS = Number(process.env['ROGATORY_CRASH_KILLS'] ?? 20);

const start = (setup: BotSetup): BotProcess => startBot(setup);

const loggedCount = (setup: BotSetup): number => readRegister(setup)?.snapshot.eventLog.length ?? 0;

/** The register with each bot's own invitation reduced to what both must agree on. */
function comparable(contents: RegisterContents) {
	const { invitations, ...rest } = contents.snapshot;
	return { ...rest, invitations: invitations.map(({ roomId, decision }) => ({ roomId, decision })) };
}

describe('the bridge killed at random moments', () => {
	it(`keeps a register identical to an unkilled bridge's over ${TOTAL} case events and ${KILLS} SIGKILLs`, async () => {
		const killed = await botSetup(gt, federation.homeservers);
		const reference = await botSetup(gt, federation.homeservers);
		const requesting = await crossSignedClient(federation, 'gt-mp', 'crash-gt');
		const requested = await crossSignedClient(federation, 'ng-ca', 'crash-ng');
		clients.push(requesting, requested);
		let bot = start(killed);
		const steady = start(reference);
		await Promise.all([bot.logged('bridge running'), steady.logged('bridge running')]);
		const room = await caseRoomWithBots(requesting, requested, [killed.userId, reference.userId]);

		const t0 = performance.now();
		// The kills are spread over the whole flow: at random event counts, each
		// after a random delay, so they fall while the bot starts, restores its
		// stores, catches up, syncs or commits.
		const thresholds = Array.from({ length: KILLS }, () => Math.floor(Math.random() * TOTAL)).sort((a, b) => a - b);
		const send = linearSend(room, { requesting, requested });
		let count = 0;
		const flow = runCaseFlow({ total: TOTAL, requesting: GUATEMALA.id, requested: NIGERIA.id }, (side, content) =>
			send(side, content).then((id) => {
				count++;
				return id;
			}),
		);
		const moments: number[] = [];
		for (const threshold of thresholds) {
			await until(() => count >= threshold, `${threshold} events sent`, 36_000, 50);
			await new Promise((r) => setTimeout(r, Math.random() * 3000));
			moments.push(Math.round(performance.now() - t0));
			bot.child.kill('SIGKILL');
			await bot.exited;
			bot = start(killed);
		}
		const { sent, invalid, transitions } = await flow;
		const sendingOverMs = Math.round(performance.now() - t0);
		await bot.logged('bridge running');
		await until(() => loggedCount(killed) >= TOTAL && loggedCount(reference) >= TOTAL, `both bots log all ${TOTAL}`, 3000);
		await new Promise((r) => setTimeout(r, 1000));
		console.log(
			`crash test: ${TOTAL} events (${invalid.length} invalid, ${transitions} moves) sent over ${sendingOverMs} ms` +
				`; kills at ${moments.join(', ')} ms; caught up at ${Math.round(performance.now() - t0)} ms; ` +
				`${bot.output().split('the server cut the timeline short').length - 1} gap fetches after the last restart`,
		);

		const after = readRegister(killed)!;
		const unkilled = readRegister(reference)!;
		expect(after.snapshot.eventLog.map((r) => r.eventId).sort()).toEqual([...sent].sort());
		expect(after.snapshot.eventLog.filter((r) => r.kind === 'rejected').length).toBeGreaterThan(0);
		expect(after.snapshot.rejections.length).toBeGreaterThan(0);
		expect(after.snapshot.transitions).toHaveLength(transitions);
		expect(after.snapshot.undecryptable).toEqual([]);
		expect(after.verify).toEqual({ intact: true, rows: TOTAL });
		expect(unkilled.verify).toEqual({ intact: true, rows: TOTAL });
		expect(comparable(after)).toEqual(comparable(unkilled));
		expect(comparable(after).invitations).toEqual([{ roomId: room, decision: 'accepted' }]);

		bot.child.kill('SIGTERM');
		steady.child.kill('SIGTERM');
		expect(await bot.exited).toBe(0);
		expect(await steady.exited).toBe(0);
	}, 600_000);
});
