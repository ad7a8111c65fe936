// The local production run's Rogatory services: the bridge, then the web app
// (the runbook's order), each started from its generated systemd unit as
// systemd would start it — the unit's ExecStart=, WorkingDirectory= and
// EnvironmentFile= (unit-file.ts), nothing of this process's environment but
// PATH — and supervised with Synapse's processes. Before the bridge, its
// account is registered as the runbook's step 12 does (the registration
// secret, the password of its generated config, the main process's own
// listener); an account that exists already (a restored installation) is
// kept. Before the web app, its admin token, as `rogatory admin-token`
// writes it (admin-token/). The one addition to what the units say:
// NODE_EXTRA_CA_CERTS, the run's CA, which on a real host is a public CA the
// system trusts already.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { err, ok, type Result } from '../../../policies/result.ts';
import { ensureAdminToken } from '../admin-token/admin-token.ts';
import { adminEnds, type AdminEnds } from '../admin-token/homeserver-ends.ts';
import { registerWithSharedSecret } from '../admin-token/shared-secret.ts';
import { BRIDGE_CONFIG } from '../bridge-config.ts';
import type { ProductionOptions } from '../options.ts';
import { environmentFileVariables, unitCommand } from './unit-file.ts';
import { waitFor } from './wait.ts';

export interface RogatoryServicesRequest {
	readonly options: ProductionOptions;
	/** The run's CA certificate file, which issued nginx's certificate. */
	readonly caCertPath: string;
	/** The site's homeserver.admin_token_file. */
	readonly adminTokenFile: string;
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

/** Registers the bridge's account as the runbook does (the registration secret, on the main process), unless it exists. */
async function ensureBridgeAccount(ends: AdminEnds, o: ProductionOptions, log: (line: string) => void): Promise<Result<void, string>> {
	const account = bridgeAccount(o);
	if (!account.ok) return account;
	const registered = await registerWithSharedSecret(ends, {
		localpart: account.value.user,
		password: account.value.password,
		admin: false,
	});
	if (!registered.ok) return err(`the bridge's account: ${registered.error}`);
	log(`the bridge's account ${account.value.user}: ${registered.value.kind === 'exists' ? 'exists, kept' : 'registered'}`);
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
	const ends = adminEnds(parse(readFileSync(join(o.configDir, 'homeserver.yaml'), 'utf8')), 'homeserver.yaml');
	if (!ends.ok) return ends;
	const account = await ensureBridgeAccount(ends.value, o, log);
	if (!account.ok) return account;

	const bridge = fromUnit(o, 'rogatory-bridge.service', request.caCertPath);
	if (!bridge.ok) return bridge;
	log('starting the bridge (rogatory-bridge.service)');
	const bridgeAlive = request.start('bridge', bridge.value.command, bridge.value.args, bridge.value.cwd, bridge.value.env);
	const bridgeHealth = `http://127.0.0.1:${request.bridgeHealthPort}/health`;
	const synced = await waitFor('the bridge', bridgeHealth, 180, bridgeAlive);
	if (!synced.ok) return err(`${synced.error} (its log: ${join(o.logDir, 'bridge.out')})`);

	// The web app's admin token (its offboarding), as `rogatory admin-token` writes it.
	const token = await ensureAdminToken(ends.value, request.adminTokenFile);
	if (!token.ok) return err(`the web app's admin token: ${token.error}`);
	log(`the web app's admin token (${request.adminTokenFile}): ${token.value}`);

	const web = fromUnit(o, 'rogatory-web.service', request.caCertPath);
	if (!web.ok) return web;
	log('starting the web app (rogatory-web.service)');
	const webAlive = request.start('web', web.value.command, web.value.args, web.value.cwd, web.value.env);
	const ready = await waitFor('the web app', `http://127.0.0.1:${o.webPort}/api/health`, 60, webAlive);
	if (!ready.ok) return err(`${ready.error} (its log: ${join(o.logDir, 'web.out')})`);
	return ok(undefined);
}
