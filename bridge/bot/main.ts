// The bridge bot process: `node bridge/bot/main.ts <config.json>`. Wires the
// configuration, the sink and the Matrix core together and runs until
// SIGTERM or SIGINT. Everything it does is logged on one line each, with the
// time; failures loudly.
// NOTE: the sink is bridge/matrix's SqliteSink until the register
// (bridge/register) is wired in; both keep the checkpoint in the same file.
import { readFileSync } from 'node:fs';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { demoRoster } from '../../policies/roster/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { startBot } from '../matrix/bot-client.ts';
import { SecretFiles } from '../matrix/secret-files.ts';
import { SqliteSink } from '../matrix/sqlite-sink.ts';
import { parseConfig } from './config.ts';

const log = (line: string): void => console.log(`${new Date().toISOString()} bridge: ${line}`);

async function main(path: string | undefined): Promise<number> {
	if (path === undefined) {
		console.error('usage: node bridge/bot/main.ts <config.json>');
		return 2;
	}
	let parsed;
	try {
		parsed = parseConfig(
			JSON.parse(readFileSync(path, 'utf8')),
			demoRoster.authorities.map((a) => a.id),
		);
	} catch (e) {
		console.error(`${path}: ${e instanceof Error ? e.message : String(e)}`);
		return 2;
	}
	if (!parsed.ok) {
		console.error(`${path}: ${parsed.error}`);
		return 2;
	}
	const { config, warnings } = parsed.value;
	for (const w of warnings) log(`${path}: ${w}`);
	const servers: ReadonlyMap<string, AuthorityId> =
		config.servers === undefined ? serversFromRoster(demoRoster) : new Map(Object.entries(config.servers));
	const sink = new SqliteSink(config.registerFile);
	const bot = await startBot({
		homeserverUrl: config.homeserverUrl,
		user: config.user,
		password: config.password,
		sink,
		secrets: new SecretFiles(config.secretsDir, config.recoveryKeyFile),
		policy: { roster: demoRoster, servers, authority: config.authority },
		giveUpAfterMs: config.undecryptableAfterSeconds * 1000,
		retryMs: config.retrySeconds * 1000,
		log,
	});
	const stopped = new Promise<string>((resolve) => {
		process.once('SIGTERM', () => resolve('SIGTERM'));
		process.once('SIGINT', () => resolve('SIGINT'));
	});
	const signal = await stopped;
	log(
		`${signal}: stopping (committed up to ${bot.sync.committedToken}, ${bot.sync.delivered} events delivered, ${bot.sync.undecryptable} undecryptable, ${bot.sync.queued} queued)`,
	);
	bot.stop();
	sink.close();
	return 0;
}

main(process.argv[2]).then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(`${new Date().toISOString()} bridge: FATAL: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
		process.exit(1);
	},
);
