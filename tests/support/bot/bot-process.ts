// For the integration tests and the benches: a bot account on a local
// homeserver, its files in a fresh directory (the demo roster and people
// files, a site file of its own — register, secrets, one-second retries — and
// the bot config), the bot run as a child process (`node bridge/bot/main.ts
// --roster … --site … config.json`) so that SIGKILL is a real crash, and what
// its register holds, read the way the web pages read it.
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serverMap } from '../../../bridge/bot/config.ts';
import { openRegister, type RegisterSnapshot, type VerifyReport } from '../../../bridge/register/index.ts';
import { registerAccount } from '../../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../../deploy/local/types.ts';
import { writeDemoDeployment } from '../../../deploy/roster/demo-deployment.ts';
import type { BotConfigFile, CheckedBotConfig } from '#policies/bot-config/config.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';

/** The files a bot process is started with. */
export interface BotLaunch {
	readonly configPath: string;
	readonly rosterPath: string;
	readonly sitePath: string;
}

export interface BotSetup extends BotLaunch {
	readonly userId: string;
	/** The bot config as written, with where the site puts the register and the secrets. */
	readonly config: CheckedBotConfig & { readonly registerFile: string; readonly secretsDir: string };
}

/** A site file for a test bot of `authority`: everything in its own folder, retries after one second. */
export const botSiteYaml = (
	authority: string,
	localpart: string,
): string => `# A bridge test's site: its register and secrets in this folder.
authority: ${authority}
urls:
  web: http://127.0.0.1:9
paths:
  data: .
  register: register.sqlite
  sessions: sessions.sqlite
  secrets: secrets
  people: ${authority}.people.yaml
homeserver:
  admin_token_file: admin-token
bridge:
  localpart: ${localpart}
  undecryptable_after_seconds: 600
  retry_seconds: 1
`;

export async function botSetup(
	hs: LocalHomeserver,
	all: readonly LocalHomeserver[],
	extra: Partial<BotConfigFile> = {},
): Promise<BotSetup> {
	const localpart = `bridge-${hs.id}-${randomBytes(4).toString('hex')}`;
	const password = randomBytes(12).toString('hex');
	const account = await registerAccount(hs, localpart, { password });
	if (!account.ok) throw new Error(account.error);
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-bot-'));
	const { roster: rosterPath } = writeDemoDeployment(dir);
	const sitePath = join(dir, 'bot.site.yaml');
	writeFileSync(sitePath, botSiteYaml(hs.id, localpart));
	const file: BotConfigFile = {
		homeserverUrl: hs.clientUrl,
		user: localpart,
		password,
		servers: Object.fromEntries(all.filter((h) => h.id !== 'outsider').map((h) => [h.serverName, h.id])),
		...extra,
	};
	const configPath = join(dir, 'config.json');
	writeFileSync(configPath, JSON.stringify(file, null, '\t'));
	// The first login (and its device) happens in the bot; the registration's own device is left unused.
	return {
		userId: account.value.userId,
		configPath,
		rosterPath,
		sitePath,
		config: { ...(file as CheckedBotConfig), registerFile: join(dir, 'register.sqlite'), secretsDir: join(dir, 'secrets') },
	};
}

/** The bot's command line after the entry: its roster, its site, its config. */
export const botArguments = (launch: BotLaunch): string[] => ['--roster', launch.rosterPath, '--site', launch.sitePath, launch.configPath];

export interface BotProcess {
	readonly child: ChildProcess;
	/** Everything the bot printed so far. */
	output(): string;
	/** Resolves once the bot logged `line`. */
	logged(line: string | RegExp): Promise<void>;
	exited: Promise<number | null>;
}

/** Starts the bot (or another entry taking the same files, e.g. a bench's baseline bot), with `env` added to this process's. */
export function runBot(launch: BotLaunch, entry = 'bridge/bot/main.ts', env: Readonly<Record<string, string>> = {}): BotProcess {
	const child = spawn(process.execPath, [entry, ...botArguments(launch)], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, ...env },
	});
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
/** What a bot's register is read with: its file and its server map (a BotSetup, or a bridge service's). */
export interface RegisterOf {
	readonly config: Pick<BotSetup['config'], 'registerFile' | 'servers'>;
}

export function readRegister(setup: RegisterOf): RegisterContents | undefined {
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

/**
 * `node bridge/register/cli.ts --roster … --site … verify --complete <room> --config … [<file>]`, as the bot's
 * administrator runs it: the room's history read at the bot's homeserver as the bot, against its register (or `file`).
 */
export function verifyComplete(setup: BotLaunch, room: string, file?: string): SpawnSyncReturns<string> {
	const args = ['--roster', setup.rosterPath, '--site', setup.sitePath, 'verify', '--complete', room, '--config', setup.configPath];
	return spawnSync(process.execPath, ['bridge/register/cli.ts', ...args, ...(file === undefined ? [] : [file])], {
		encoding: 'utf8',
		timeout: 120_000,
	});
}
