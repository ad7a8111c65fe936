// One bridge bot per authority of a local federation (`npm start`, the
// end-to-end tests): its account (@rogatory-bridge, a kept password), its
// configuration under .data/<profile>/bridges/<authority>/ (register, secrets,
// log — the place the web app reads registers from), and its process,
// `node bridge/bot/main.ts <config.json>`. Resolves once every bridge says it
// is running; a bridge that exits first is reported with its log's last lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BotConfigFile } from '../../policies/bot-config/config.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { BRIDGE_LOCALPART } from '../../policies/roster/bridge.ts';
import type { Roster } from '../../policies/roster/types.ts';
import { keptPassword } from './passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from './provision.ts';
import type { LocalHomeserver } from './types.ts';

export interface LocalBridges {
	/** Authority id → its bridge's log file. */
	readonly logs: Readonly<Record<string, string>>;
	stop(): Promise<void>;
}

const READY = 'bridge running as';

function stop(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

const tail = (file: string): string => {
	try {
		return readFileSync(file, 'utf8').trim().split('\n').slice(-8).join('\n');
	} catch {
		return '(no log)';
	}
};

async function untilReady(child: ChildProcess, logFile: string, id: string, timeoutMs: number): Promise<Result<void, string>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (child.exitCode !== null) return err(`the ${id} bridge exited (code ${child.exitCode}); its log ${logFile} ends:\n${tail(logFile)}`);
		let text = '';
		try {
			text = readFileSync(logFile, 'utf8');
		} catch {
			// Not written yet.
		}
		if (text.includes(READY)) return ok(undefined);
		if (Date.now() > deadline)
			return err(`the ${id} bridge did not start within ${timeoutMs / 1000} s; its log ${logFile} ends:\n${tail(logFile)}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

export async function startBridges(options: {
	readonly root: string;
	/** .data/<profile> */
	readonly profileDir: string;
	readonly homeservers: readonly LocalHomeserver[];
	readonly roster: Roster;
	readonly onProgress?: (line: string) => void;
}): Promise<Result<LocalBridges, string>> {
	const members = options.homeservers.filter((hs) => options.roster.authorities.some((a) => a.id === hs.id));
	const servers = Object.fromEntries(members.map((hs) => [hs.serverName, hs.id]));
	const children: ChildProcess[] = [];
	const logs: Record<string, string> = {};
	const stopAll = async (): Promise<void> => {
		await Promise.all(children.map(stop));
	};
	for (const hs of members) {
		const dir = join(options.profileDir, 'bridges', hs.id);
		mkdirSync(join(dir, 'secrets'), { recursive: true, mode: 0o700 });
		const password = keptPassword(hs.dataDir, BRIDGE_LOCALPART);
		const account = await registerAccount(hs, BRIDGE_LOCALPART, {
			password,
			deviceId: PROVISIONING_DEVICE,
			displayName: `${hs.id} bridge`,
		});
		if (!account.ok) {
			await stopAll();
			return err(`the ${hs.id} bridge's account: ${account.error}`);
		}
		const configFile = join(dir, 'config.json');
		const config: BotConfigFile = {
			homeserverUrl: hs.clientUrl,
			user: account.value.userId,
			password,
			registerFile: join(dir, 'register.sqlite'),
			secretsDir: join(dir, 'secrets'),
			authority: hs.id,
			servers,
		};
		writeFileSync(configFile, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
		const logFile = join(dir, 'bridge.log');
		const out = openSync(logFile, 'a');
		const child = spawn(process.execPath, [join(options.root, 'bridge', 'bot', 'main.ts'), configFile], {
			cwd: options.root,
			stdio: ['ignore', out, out],
		});
		children.push(child);
		logs[hs.id] = logFile;
		options.onProgress?.(`starting the ${hs.id} bridge (${account.value.userId}); log: ${logFile}`);
	}
	for (const [index, hs] of members.entries()) {
		const ready = await untilReady(children[index]!, logs[hs.id]!, hs.id, 120_000);
		if (!ready.ok) {
			await stopAll();
			return ready;
		}
		options.onProgress?.(`the ${hs.id} bridge is running`);
	}
	return ok({ logs, stop: stopAll });
}
