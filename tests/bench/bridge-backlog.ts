// Metrics `bridge_ingest` and `bridge_catchup` (issue 4, acceptance 5), from
// one measurement: two bots of Guatemala's authority sit in the same case
// rooms — the bridge with its register (bridge/bot/main.ts) and the baseline
// bot, the same code over a sink that keeps only the checkpoint
// (bridge-baseline-bot.ts). Both are stopped, a backlog of 10,000 case events
// is sent (10 rooms, one sender client each, in parallel), and each bot is
// restarted alone in turn, baseline first, until it has committed the whole
// backlog.
// - bridge_ingest: backlog events / time from the bot's resume (stores
//   restored) to its last commit: events fetched, decrypted, folded and
//   written per second. Baseline: the same without the register.
// - bridge_catchup: time from the restart (process spawn) to the last commit.
//   Baseline: the same bot without the register, over the same backlog.
// ROGATORY_BENCH_BACKLOG and ROGATORY_BENCH_ROOMS change the backlog's size.
import type * as sdk from 'matrix-js-sdk';
import { botSetup, committedSinceStart, readRegister, runBot, type BotProcess, type BotSetup } from '../support/bot/bot-process.ts';
import { crossSignedClient, joined, until } from '../support/bot/bot-room.ts';
import { runCaseFlow } from '../support/bot/case-flow.ts';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { homeserverOf, type FederationInfo } from '../support/federation-info.ts';
import { createEncryptedRoom } from '../support/matrix-node-client.ts';
import { report } from './stats.ts';

const BACKLOG = Number(process.env['ROGATORY_BENCH_BACKLOG'] ?? 10_000);
const ROOMS = Number(process.env['ROGATORY_BENCH_ROOMS'] ?? 10);
const BASELINE_BOT = 'tests/bench/bridge-baseline-bot.ts';

interface CatchUp {
	/** Process spawn → last commit. */
	readonly catchUpMs: number;
	/** Stores restored → last commit. */
	readonly ingestMs: number;
}

interface Measured {
	readonly register: CatchUp;
	readonly baseline: CatchUp;
	readonly sendMs: number;
}

const stamp = (output: string, line: RegExp | ((l: string) => boolean)): number => {
	const found = output.split('\n').find((l) => (typeof line === 'function' ? line(l) : line.test(l)));
	if (found === undefined) throw new Error(`the bot never logged ${String(line)}`);
	return Date.parse(found.slice(0, found.indexOf(' ')));
};

async function catchUp(setup: BotSetup, entry: string): Promise<CatchUp> {
	const spawned = Date.now();
	const bot = runBot(setup, entry);
	try {
		await until(() => committedSinceStart(bot) >= BACKLOG, `the bot commits the ${BACKLOG}-event backlog`, 12_000);
		// The first commit that brings the count to the backlog (a batch may carry more: the rooms' other events).
		const done = stamp(bot.output(), (l) => Number(/\((\d+) events since start\)/.exec(l)?.[1] ?? 0) >= BACKLOG);
		const resumed = stamp(bot.output(), /; resuming from /);
		return { catchUpMs: done - spawned, ingestMs: done - resumed };
	} finally {
		await stop(bot);
	}
}

async function stop(bot: BotProcess): Promise<void> {
	bot.child.kill('SIGTERM');
	if ((await bot.exited) !== 0) throw new Error(`the bot did not stop cleanly:\n${bot.output().slice(-2000)}`);
}

async function measure(federation: FederationInfo): Promise<Measured> {
	const gt = homeserverOf(federation, 'gt-mp');
	const withRegister = await botSetup(gt, federation.homeservers);
	const baseline = await botSetup(gt, federation.homeservers);
	const senders: sdk.MatrixClient[] = [];
	try {
		for (let i = 0; i < ROOMS; i++) senders.push(await crossSignedClient(federation, 'gt-mp', `bench-bridge-${i}`));
		const running = [runBot(withRegister), runBot(baseline, BASELINE_BOT)];
		await Promise.all(running.map((b) => b.logged('bridge running')));
		const rooms = await Promise.all(senders.map((s) => createEncryptedRoom(s, [withRegister.userId, baseline.userId])));
		await until(
			() => rooms.every((r, i) => joined(senders[i]!, r, withRegister.userId) && joined(senders[i]!, r, baseline.userId)),
			'the bots join',
		);
		// One chat message per room while the bots run: keys shared, devices known.
		await Promise.all(rooms.map((r, i) => senders[i]!.sendTextMessage(r, 'warm-up')));
		await new Promise((r) => setTimeout(r, 2000));
		for (const bot of running) await stop(bot);

		console.error(`[bench] sending a backlog of ${BACKLOG} case events in ${ROOMS} rooms…`);
		const t0 = performance.now();
		const per = Math.ceil(BACKLOG / ROOMS);
		await Promise.all(
			rooms.map((room, i) =>
				runCaseFlow(
					{
						total: Math.min(per, BACKLOG - i * per),
						requesting: GUATEMALA.id,
						requested: NIGERIA.id,
						requestingOnly: true,
						label: `room ${i}`,
					},
					(_side, content) => senders[i]!.sendMessage(room, content as never).then((r) => r.event_id),
				),
			),
		);
		const sendMs = performance.now() - t0;
		console.error(`[bench] sent in ${Math.round(sendMs)} ms; catching up, baseline bot first…`);
		const base = await catchUp(baseline, BASELINE_BOT);
		const full = await catchUp(withRegister, 'bridge/bot/main.ts');
		const logged = readRegister(withRegister);
		if (logged?.snapshot.eventLog.length !== BACKLOG || logged.snapshot.undecryptable.length > 0 || !logged.verify.intact) {
			throw new Error(`the register does not hold the backlog: ${logged?.snapshot.eventLog.length ?? 0} logged of ${BACKLOG}`);
		}
		return { register: full, baseline: base, sendMs };
	} finally {
		for (const s of senders) s.stopClient();
	}
}

let measured: Promise<Measured> | undefined;
const once = (federation: FederationInfo): Promise<Measured> => (measured ??= measure(federation));

const common = (m: Measured) => ({
	n: BACKLOG,
	rooms: ROOMS,
	events: 'case events (opening, a move, notes, amendments, 1 in 23 invalid) from Guatemala, Megolm, Rust crypto in Node',
	backlog_sent_ms: Math.round(m.sendMs),
});

export async function bridgeIngest(federation: FederationInfo): Promise<void> {
	const m = await once(federation);
	report({
		metric: 'bridge_ingest',
		value: BACKLOG / (m.register.ingestMs / 1000),
		unit: 'events/s',
		baseline: BACKLOG / (m.baseline.ingestMs / 1000),
		baseline_is: 'the same bot syncing and decrypting the same backlog without the register (checkpoint only), same run',
		...common(m),
	});
}

export async function bridgeCatchup(federation: FederationInfo): Promise<void> {
	const m = await once(federation);
	report({
		metric: 'bridge_catchup',
		value: m.register.catchUpMs / 1000,
		unit: 's',
		baseline: m.baseline.catchUpMs / 1000,
		baseline_is: 'the same bot catching up on the same backlog without the register (checkpoint only), same run',
		...common(m),
	});
}
