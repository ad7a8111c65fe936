// The local production run's Rogatory services: the bridge, then the web app
// (the runbook's order), each started from its generated systemd unit as
// systemd would start it — the unit's ExecStart=, WorkingDirectory= and
// EnvironmentFile= (unit-file.ts), nothing of this process's environment but
// PATH — and supervised with Synapse's processes. Before the bridge, its
// account is registered as the runbook's step 12 does, with the password of
// its generated config, on the main process's own listener; an account that
// exists already (a restored installation) is kept. The one addition to what
// the units say: NODE_EXTRA_CA_CERTS, the run's CA, which on a real host is a
// public CA the system trusts already.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { lastLines, run } from '../../process/run.ts';
import { BRIDGE_CONFIG } from '../bridge-config.ts';
import type { ProductionOptions } from '../options.ts';
import { pythonEnv } from './python-env.ts';
import { environmentFileVariables, unitCommand } from './unit-file.ts';
import { waitFor } from './wait.ts';

export interface RogatoryServicesRequest {
	readonly options: ProductionOptions;
	/** The run's CA certificate file, which issued nginx's certificate. */
	readonly caCertPath: string;
	/** The bridge's /health port (the site's bridge.health_port). */
	readonly bridgeHealthPort: number;
	readonly log: (line: string) => void;
	/** Starts a supervised process; whether it still runs. */
	readonly start: (name: string, command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) => () => boolean;
}

interface BridgeAccount {
	readonly user: string;
	readonly password: string;
}

function bridgeAccount(o: ProductionOptions): Result<BridgeAccount, string> {
	const path = join(o.configDir, BRIDGE_CONFIG);
	try {
		const file = JSON.parse(readFileSync(path, 'utf8')) as Partial<BridgeAccount>;
		if (typeof file.user !== 'string' || typeof file.password !== 'string') return err(`${path} names no user and password`);
		return ok({ user: file.user, password: file.password });
	} catch (thrown) {
		return err(`the bridge's config ${path} could not be read: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
	}
}

/** Registers the bridge's account as the runbook does (register_new_matrix_user on the main process), unless it exists. */
async function ensureBridgeAccount(o: ProductionOptions, log: (line: string) => void): Promise<Result<void, string>> {
	const account = bridgeAccount(o);
	if (!account.ok) return account;
	const main = `http://127.0.0.1:${o.mainPort}`;
	const available = await fetch(`${main}/_matrix/client/v3/register/available?username=${encodeURIComponent(account.value.user)}`);
	if (available.status === 400) {
		log(`the bridge's account ${account.value.user} exists: kept`);
		return ok(undefined);
	}
	log(`registering the bridge's account ${account.value.user} (register_new_matrix_user)`);
	const registered = await run(
		o.synapsePython,
		[
			'-m',
			'synapse._scripts.register_new_matrix_user',
			'-c',
			join(o.configDir, 'homeserver.yaml'),
			'-u',
			account.value.user,
			'-p',
			account.value.password,
			'--no-admin',
			main,
		],
		{ env: pythonEnv() },
	);
	if (registered.code !== 0)
		return err(`the bridge's account could not be registered:\n${lastLines(registered.stderr || registered.stdout, 6)}`);
	return ok(undefined);
}

interface UnitStart {
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd: string;
	readonly env: NodeJS.ProcessEnv;
}

function fromUnit(o: ProductionOptions, unitName: string, caCertPath: string): Result<UnitStart, string> {
	const path = join(o.configDir, 'systemd', unitName);
	const unit = unitCommand(readFileSync(path, 'utf8'));
	if (!unit.ok) return err(`${path}: ${unit.error}`);
	const [command, ...args] = unit.value.command;
	if (command === undefined) return err(`${path}: its ExecStart= is empty`);
	let variables: Record<string, string> = {};
	if (unit.value.environmentFile !== undefined) {
		const read = environmentFileVariables(readFileSync(unit.value.environmentFile, 'utf8'));
		if (!read.ok) return err(`${unit.value.environmentFile}: ${read.error}`);
		variables = read.value;
	}
	return ok({
		command,
		args,
		cwd: unit.value.workingDirectory ?? '/',
		env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...variables, NODE_EXTRA_CA_CERTS: caCertPath },
	});
}

export async function startRogatoryServices(request: RogatoryServicesRequest): Promise<Result<void, string>> {
	const { options: o, log } = request;
	const account = await ensureBridgeAccount(o, log);
	if (!account.ok) return account;

	const bridge = fromUnit(o, 'rogatory-bridge.service', request.caCertPath);
	if (!bridge.ok) return bridge;
	log('starting the bridge (rogatory-bridge.service)');
	const bridgeAlive = request.start('bridge', bridge.value.command, bridge.value.args, bridge.value.cwd, bridge.value.env);
	const bridgeHealth = `http://127.0.0.1:${request.bridgeHealthPort}/health`;
	const synced = await waitFor('the bridge', bridgeHealth, 180, bridgeAlive);
	if (!synced.ok) return err(`${synced.error} (its log: ${join(o.logDir, 'bridge.out')})`);

	const web = fromUnit(o, 'rogatory-web.service', request.caCertPath);
	if (!web.ok) return web;
	log('starting the web app (rogatory-web.service)');
	const webAlive = request.start('web', web.value.command, web.value.args, web.value.cwd, web.value.env);
	const ready = await waitFor('the web app', `http://127.0.0.1:${o.webPort}/api/health`, 60, webAlive);
	if (!ready.ok) return err(`${ready.error} (its log: ${join(o.logDir, 'web.out')})`);
	return ok(undefined);
}
