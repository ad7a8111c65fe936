// For the integration tests: a bot account on a local homeserver, its config
// file in a fresh directory, and the bot run as a child process
// (`node bridge/bot/main.ts config.json`) so that SIGKILL is a real crash.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registerAccount } from '../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../deploy/local/types.ts';
import type { BotConfig } from './config.ts';

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

export function runBot(configPath: string): BotProcess {
	const child = spawn(process.execPath, ['bridge/bot/main.ts', configPath], { stdio: ['ignore', 'pipe', 'pipe'] });
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
