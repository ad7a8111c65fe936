// What a bot integration test file starts — Node clients and bot processes —
// stopped after its tests (bots with SIGKILL: nothing of theirs is awaited).
import type * as sdk from 'matrix-js-sdk';
import { afterAll } from 'vitest';
import { runBot, type BotLaunch, type BotProcess } from './bot-process.ts';

export interface TestProcesses {
	/** Clients to stop after the file's tests. */
	readonly clients: sdk.MatrixClient[];
	/** Starts the bot with its files (botSetup), to be killed after the file's tests. */
	readonly bot: (launch: BotLaunch) => BotProcess;
}

export function stoppedAfterAll(): TestProcesses {
	const clients: sdk.MatrixClient[] = [];
	const bots: BotProcess[] = [];
	afterAll(() => {
		for (const c of clients) c.stopClient();
		for (const b of bots) b.child.kill('SIGKILL');
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
