// One bridge bot per site of a local federation (`npm start`, the end-to-end
// tests): its account (the site's bridge.localpart, a kept password), its
// bot config and log under .data/<profile>/bridges/<authority>/ (the site
// says where its register and secrets live — in the demo's sites, the same
// folder, where the web app reads registers from), and its process,
// `node bridge/bot/main.ts --roster <roster> --site <its site> <config.json>`.
// The roster and sites are read and checked here first, so a broken file
// stops everything before an account is made. Where the roster names an
// authority as the host of a network's secretariat (`hosted_by`), its
// homeserver also gets the network's secretariat service account
// (`@rogatory-secretariat-<net>`, docs/decisions.md), with a kept password
// like the bridge's, written into its bridge's config so that its bridge
// process keeps the network's rooms. Resolves once every bridge says
// it is running; a bridge that exits first is reported with its log's last lines.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BotConfigFile } from '../../policies/bot-config/config.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { hostedSecretariats, secretariatServiceAccount } from '../../policies/network/index.ts';
import { describeErrors } from '../../policies/roster/file/index.ts';
import type { DeploymentPaths } from '../roster/demo-deployment.ts';
import { loadDeployment } from '../roster/load.ts';
import { keptPassword } from './passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from './provision.ts';
import type { LocalHomeserver } from './types.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';

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
	/** The roster and the sites to run a bridge for, one each. */
	readonly deployment: DeploymentPaths;
	readonly onProgress?: (line: string) => void;
}): Promise<Result<LocalBridges, string>> {
	const deployment = loadDeployment(options.deployment);
	if (!deployment.ok) return err(`the bridges cannot start: ${describeErrors(deployment.error)}`);
	const { runtime, sites } = deployment.value;
	const members = options.homeservers.filter((hs) => runtime.authorities.some((a) => a.id === hs.id));
	const servers = Object.fromEntries(members.map((hs) => [hs.serverName, hs.id]));
	const children: ChildProcess[] = [];
	const logs: Record<string, string> = {};
	const stopAll = async (): Promise<void> => {
		await Promise.all(children.map(stop));
	};
	const running: { readonly id: string; readonly child: ChildProcess }[] = [];
	for (const site of sites) {
		const hs = members.find((h) => h.id === site.document.authority);
		if (hs === undefined) {
			await stopAll();
			return err(`the site ${site.path} is ${site.document.authority}'s, which has no homeserver in this federation`);
		}
		const dir = join(options.profileDir, 'bridges', hs.id);
		for (const folder of [dir, site.document.paths.secrets, dirname(site.document.paths.register)])
			mkdirSync(folder, { recursive: true, mode: 0o700 });
		const localpart = site.document.bridge.localpart;
		const password = keptPassword(hs.dataDir, localpart);
		const account = await registerAccount(hs, localpart, {
			password,
			deviceId: PROVISIONING_DEVICE,
			displayName: `${hs.id} bridge`,
		});
		if (!account.ok) {
			await stopAll();
			return err(`the ${hs.id} bridge's account: ${account.error}`);
		}
		const secretariats: Record<string, string> = {};
		for (const network of hostedSecretariats(runtime, hs.id as AuthorityId)) {
			const service = secretariatServiceAccount(network, hs.serverName).slice(1).split(':')[0]!;
			secretariats[network] = keptPassword(hs.dataDir, service);
			const made = await registerAccount(hs, service, {
				password: secretariats[network],
				deviceId: PROVISIONING_DEVICE,
				displayName: `${network} secretariat`,
			});
			if (!made.ok) {
				await stopAll();
				return err(`the ${network} secretariat's service account on ${hs.id}: ${made.error}`);
			}
			options.onProgress?.(`the ${network} secretariat's service account on ${hs.id} is ${made.value.userId}`);
		}
		const configFile = join(dir, 'config.json');
		const config: BotConfigFile = {
			homeserverUrl: hs.clientUrl,
			user: account.value.userId,
			password,
			servers,
			...(Object.keys(secretariats).length === 0 ? {} : { secretariats }),
		};
		writeFileSync(configFile, `${JSON.stringify(config, null, '\t')}\n`, { mode: 0o600 });
		const logFile = join(dir, 'bridge.log');
		const out = openSync(logFile, 'a');
		const main = join(options.root, 'bridge', 'bot', 'main.ts');
		const child = spawn(process.execPath, [main, '--roster', options.deployment.roster, '--site', site.path, configFile], {
			cwd: options.root,
			stdio: ['ignore', out, out],
		});
		// Beside the log, as Synapse's pid file beside its own: for the tests that stand in for a bridge (tests/e2e/support/stand-in-bridge.ts).
		if (child.pid !== undefined) writeFileSync(join(dir, 'bridge.pid'), `${child.pid}\n`);
		children.push(child);
		running.push({ id: hs.id, child });
		logs[hs.id] = logFile;
		options.onProgress?.(`starting the ${hs.id} bridge (${account.value.userId}); log: ${logFile}`);
	}
	for (const { id, child } of running) {
		const ready = await untilReady(child, logs[id]!, id, 120_000);
		if (!ready.ok) {
			await stopAll();
			return ready;
		}
		options.onProgress?.(`the ${id} bridge is running`);
	}
	return ok({ logs, stop: stopAll });
}
