// What a bot integration test file starts — Node clients and bot processes —
// stopped after its tests (bots with SIGKILL: nothing of theirs is awaited),
// then the file's own clean-up, whether its tests passed or not. A failed
// test prints the last lines of each bot it started, for the log of the run.
import type * as sdk from 'matrix-js-sdk';
import { afterAll, onTestFailed } from 'vitest';
import { runBot, type BotLaunch, type BotProcess } from './bot-process.ts';

/** How many of a bot's last lines a failed test prints. */
const TAIL = 60;

export interface TestProcesses {
	/** Clients to stop after the file's tests. */
	readonly clients: sdk.MatrixClient[];
	/** Starts the bot with its files (botSetup), to be killed after the file's tests. */
	readonly bot: (launch: BotLaunch) => BotProcess;
}

/** `afterwards` runs once the clients and bots are stopped (so no bot undoes it), even after a failed test. */
export function stoppedAfterAll(afterwards?: () => Promise<void>): TestProcesses {
	const clients: sdk.MatrixClient[] = [];
	const bots: BotProcess[] = [];
	afterAll(async () => {
		for (const c of clients) c.stopClient();
		for (const b of bots) b.child.kill('SIGKILL');
		await afterwards?.();
	});
	return {
		clients,
		bot: (launch) => {
			const bot = runBot(launch);
			bots.push(bot);
			printedIfFailed(bot);
			return bot;
		},
	};
}

/** Registers the bot's last lines to be printed if the running test fails (nothing outside a test, as in a beforeAll). */
function printedIfFailed(bot: BotProcess): void {
	try {
		onTestFailed(() => {
			const lines = bot.output().trimEnd().split('\n');
			console.error(`the last ${Math.min(lines.length, TAIL)} lines of bot ${bot.child.pid ?? '?'}:\n${lines.slice(-TAIL).join('\n')}`);
		});
	} catch {
		// Started outside a test: its output is the hooks' to show.
	}
}
