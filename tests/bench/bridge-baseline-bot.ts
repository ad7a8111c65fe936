// The bridge benches' baseline bot: `node tests/bench/bridge-baseline-bot.ts
// --roster <roster.yaml> --site <site.yaml> <config.json>` reads the same
// files and runs the same bot as bridge/bot/main.ts — same client, sync gate,
// decryption queue and checkpoints — over a sink that keeps only the
// checkpoint (bridge-checkpoint-sink.ts, beside the site's register path)
// instead of the register.
import { dirname, join } from 'node:path';
import { exitWith, log, runBridge } from '../../bridge/bot/run.ts';
import { readBridgeStart, refusalText } from '../../bridge/bot/start.ts';
import { CheckpointFileSink } from './bridge-checkpoint-sink.ts';

async function main(argv: readonly string[]): Promise<number> {
	const start = readBridgeStart('tests/bench/bridge-baseline-bot.ts', argv, process.env);
	if (!start.ok) {
		console.error(refusalText(start.error));
		return 2;
	}
	const { config, label } = start.value;
	log(label);
	await runBridge(config, new CheckpointFileSink(join(dirname(config.registerFile), 'checkpoint.bin')));
	return 0;
}

exitWith(main(process.argv.slice(2)));
