// What a bot integration test file starts — Node clients and bot processes —
// stopped after its tests (bots with SIGKILL: nothing of theirs is awaited),
// then the file's own clean-up, whether its tests passed or not.
import type * as sdk from 'matrix-js-sdk';
import { afterAll } from 'vitest';
import { runBot, type BotLaunch, type BotProcess } from './bot-process.ts';

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
			return bot;
		},
	};
}
