// For the integration tests and the benches: a bot account on a local
// homeserver, its config file in a fresh directory, the bot run as a child
// process (`node bridge/bot/main.ts config.json`) so that SIGKILL is a real
// crash, and what its register holds, read the way the web pages read it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverMap, type BotConfig } from '../../../bridge/bot/config.ts';
import { openRegister, type RegisterSnapshot, type VerifyReport } from '../../../bridge/register/index.ts';
import { registerAccount } from '../../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../../deploy/local/types.ts';
import { demoRoster } from '../../../policies/roster/demo.ts';

export interface BotSetup {
	readonly userId: string;
	readonly configPath: string;
	readonly config: BotConfig;
}

export async function botSetup(hs: LocalHomeserver, all: readonly LocalHomeserver[], extra: Partial<BotConfig> = {}): Promise<BotSetup> {
	const localpart = `bridge-${hs.id}-${randomBytes(4).toString('hex')}`;
	const password = randomBytes(12).toString('hex');
	const account = await registerAccount(hs, localpart, { password });
	if (!account.ok) throw new Error(account.error);
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-bot-'));
	const config = {
		homeserverUrl: hs.clientUrl,
		user: localpart,
		password,
		registerFile: join(dir, 'register.sqlite'),
		secretsDir: join(dir, 'secrets'),
		authority: hs.id,
		servers: Object.fromEntries(all.filter((h) => h.id !== 'outsider').map((h) => [h.serverName, h.id])),
		undecryptableAfterSeconds: 600,
		retrySeconds: 1,
		...extra,
	} as BotConfig;
	const configPath = join(dir, 'config.json');
	writeFileSync(configPath, JSON.stringify(config, null, '\t'));
	// The first login (and its device) happens in the bot; the registration's own device is left unused.
	return { userId: account.value.userId, configPath, config };
}

export interface BotProcess {
	readonly child: ChildProcess;
	/** Everything the bot printed so far. */
	output(): string;
	/** Resolves once the bot logged `line`. */
	logged(line: string | RegExp): Promise<void>;
	exited: Promise<number | null>;
}

/** Starts the bot (or another entry taking the same config, e.g. a bench's baseline bot). */
export function runBot(configPath: string, entry = 'bridge/bot/main.ts'): BotProcess {
	const child = spawn(process.execPath, [entry, configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
	let text = '';
	const waiters = new Set<() => void>();
	const onData = (chunk: Buffer): void => {
		text += chunk.toString();
		for (const w of [...waiters]) w();
	};
	child.stdout.on('data', onData);
	child.stderr.on('data', onData);
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	return {
		child,
		output: () => text,
		exited,
		logged: (line) =>
			new Promise((resolve, reject) => {
				const check = (): void => {
					if (typeof line === 'string' ? text.includes(line) : line.test(text)) {
						waiters.delete(check);
						resolve();
					}
				};
				waiters.add(check);
				void exited.then((code) => {
					if (waiters.has(check)) reject(new Error(`the bot exited (${code}) before logging ${String(line)}:\n${text}`));
				});
				check();
			}),
	};
}

/** The events committed since the bot process started, from its progress lines. */
export function committedSinceStart(bot: BotProcess): number {
	const counts = [...bot.output().matchAll(/\((\d+) events since start\)/g)];
	return Number(counts.at(-1)?.[1] ?? 0);
}

export interface RegisterContents {
	readonly snapshot: RegisterSnapshot;
	readonly verify: VerifyReport;
	readonly syncToken: string | undefined;
}

/** What the bot's register holds (read-only, beside the running bot); empty before the bot created it. */
export function readRegister(setup: BotSetup): RegisterContents | undefined {
	if (!existsSync(setup.config.registerFile)) return undefined;
	const opened = openRegister(
		setup.config.registerFile,
		{ roster: demoRoster, servers: serverMap(setup.config, demoRoster) },
		{ readonly: true },
	);
	if (!opened.ok) return undefined;
	try {
		const snapshot = opened.value.snapshot();
		const verify = opened.value.verify();
		const point = opened.value.readCheckpoint();
		if (!snapshot.ok) throw new Error(snapshot.error.message);
		if (!verify.ok) throw new Error(verify.error.message);
		if (!point.ok) throw new Error(point.error.message);
		return { snapshot: snapshot.value, verify: verify.value, syncToken: point.value?.syncToken };
	} finally {
		opened.value.close();
	}
}
