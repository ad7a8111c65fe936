// Runs the bot over a given sink until SIGTERM or SIGINT: the wiring every
// bot process shares (main.ts with the register; the benches' baseline with a
// sink that keeps only the checkpoint). Each commit that brings something is
// logged (progress-sink.ts), and the last line says where the bot stopped.
import type { CommandHook } from '../commands/hook.ts';
import type { IdentityApproved } from '../matrix/arrival.ts';
import { startBot, type AlertsHook } from '../matrix/bot-client.ts';
import type { DirectoryOptions } from '../matrix/directory-presence.ts';
import type { NetworkPresenceOptions } from '../matrix/network-presence.ts';
import type { ReportsOptions } from '../reports/reporter.ts';
import type { ReminderHook } from '../reminders/hook.ts';
import { SecretFiles } from '../matrix/secret-files.ts';
import type { BatchSink } from '../matrix/sink.ts';
import { serverMap, type BotConfig } from './config.ts';
import { healthReport, serveHealth } from './health.ts';
import { ProgressSink } from './progress-sink.ts';

export const log = (line: string): void => console.log(`${new Date().toISOString()} bridge: ${line}`);

/** What the bot takes part in beyond bridging its case rooms into the sink. */
export interface BridgeParts {
	/** Answers chat commands in its case rooms. */
	readonly commands?: CommandHook;
	/** Sends preservation reminders. */
	readonly reminders?: ReminderHook;
	/** Tells case rooms of the alerts' escalation steps (bridge/alerts). */
	readonly alerts?: AlertsHook;
	readonly identityApproved?: IdentityApproved;
	/** Keeps or joins its networks' directory rooms. */
	readonly directory?: DirectoryOptions;
	/** Joins its networks' rooms and invites its people into their spaces. */
	readonly networks?: NetworkPresenceOptions;
	/** Reports to its networks' secretariats when the site consents (bridge/reports). */
	readonly reports?: ReportsOptions;
	/** How often every room's history is reconciled (reconcile-setting.ts); hourly when left out. */
	readonly reconcileEveryMs?: number;
	/** The register's head, for /health (health.ts) when the site names a port. */
	readonly registerHead?: () => { readonly seq: number; readonly hash: string } | undefined;
}

/** Runs the bot with the parts given. */
export async function runBridge(config: BotConfig, sink: BatchSink, parts: BridgeParts = {}): Promise<void> {
	const stopped = new Promise<string>((resolve) => {
		process.once('SIGTERM', () => resolve('SIGTERM'));
		process.once('SIGINT', () => resolve('SIGINT'));
	});
	const progress = new ProgressSink(sink, log);
	const bot = await startBot({
		homeserverUrl: config.homeserverUrl,
		user: config.user,
		password: config.password,
		sink: progress,
		secrets: new SecretFiles(config.secretsDir, config.recoveryKeyFile),
		policy: { roster: config.roster, servers: serverMap(config, config.roster), authority: config.authority },
		giveUpAfterMs: config.undecryptableAfterSeconds * 1000,
		retryMs: config.retrySeconds * 1000,
		log,
		...parts,
	});
	const health =
		config.healthPort === undefined
			? undefined
			: await serveHealth(config.healthPort, () =>
					healthReport({ now: Date.now(), lastSyncAt: bot.sync.lastSyncAt, queued: bot.sync.queued, head: parts.registerHead?.() }),
				).catch((e: unknown) => {
					// NOTE: the bridge goes on without it: its register matters more than its monitor.
					log(`HEALTH LISTENER NOT STARTED on 127.0.0.1:${config.healthPort}: ${e instanceof Error ? e.message : String(e)}`);
					return undefined;
				});
	if (health !== undefined) log(`health: GET http://127.0.0.1:${config.healthPort}/health`);
	const signal = await stopped;
	health?.close();
	log(
		`${signal}: stopping (committed up to ${bot.sync.committedToken}, ${bot.sync.delivered} events delivered, ${bot.sync.undecryptable} undecryptable, ${bot.sync.queued} queued)`,
	);
	bot.stop();
}

/** The process's end: exit with `code`, or report a crash loudly and exit 1. */
export function exitWith(done: Promise<number>): void {
	done.then(
		(code) => process.exit(code),
		(e: unknown) => {
			console.error(`${new Date().toISOString()} bridge: FATAL: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
			process.exit(1);
		},
	);
}
