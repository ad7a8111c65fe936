// The bridge benches' baseline bot: `node tests/bench/bridge-baseline-bot.ts
// <config.json>` runs the same bot as bridge/bot/main.ts — same client, sync
// gate, decryption queue and checkpoints — over a sink that keeps only the
// checkpoint (bridge-checkpoint-sink.ts) instead of the register.
import { dirname, join } from 'node:path';
import { readConfig } from '../../bridge/bot/config.ts';
import { exitWith, runBridge } from '../../bridge/bot/run.ts';
import { demoRoster } from '../../policies/roster/demo.ts';
import { CheckpointFileSink } from './bridge-checkpoint-sink.ts';

async function main(path: string | undefined): Promise<number> {
	const parsed = path === undefined ? undefined : readConfig(path, demoRoster);
	if (parsed === undefined || !parsed.ok) {
		console.error(parsed?.error ?? 'usage: node tests/bench/bridge-baseline-bot.ts <config.json>');
		return 2;
	}
	const { config } = parsed.value;
	await runBridge(config, new CheckpointFileSink(join(dirname(config.registerFile), 'checkpoint.bin')));
	return 0;
}

exitWith(main(process.argv[2]));
