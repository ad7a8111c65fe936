// An authority's bridge set up to escalate by mail, stood in for the one the
// orchestrator runs, for the end-to-end tests of issue 16's escalation. The
// case page believes alert steps only from the viewer's own authority's
// bridge account, @rogatory-bridge:<server> (policies/alerts/step-event.ts),
// so the bridge that mails must be that account: the orchestrator's process
// is paused (SIGSTOP; continued by stop(), whatever happened) and a second
// device of the same account runs in a folder of its own, as a child of the
// test, with the orchestrator's password and recovery key (so the new device
// takes the account's cross-signing keys from secret storage and is signed
// by them: bridge/matrix/trust.ts), a copy of its directory and network state
// (so it keeps the same rooms and sends nothing again), the demo people file
// with addresses added for the on-call point and the officer (the same
// editors, so nothing is re-published), the relay, the mail section and the
// rota of tests/support/alerts/alerts-site.ts, and `env` (the alerts' short
// waits, bridge/alerts/settings.ts). stop() ends it, logs its device out, so
// that nobody keeps sharing keys with it, and continues the orchestrator's.
// NOTE: not the secretariat accounts (the orchestrator's config's
// `secretariats`): a second keeper of a network's rooms is not wanted.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse, stringify } from 'yaml';
import { commandLine } from '../../../deploy/process/cmdline.ts';
import type { LocalHomeserver } from '../../../deploy/local/types.ts';
import { BRIDGE_LOCALPART } from '../../../policies/roster/bridge.ts';
import { mailSectionYaml, rotaEntries, siteFrom, startMailRelay, type AcceptedMail } from '../../support/alerts/alerts-site.ts';
import { botSiteYaml, runBot, type BotProcess, type BotSetup } from '../../support/bot/bot-process.ts';

/** Secrets of the orchestrator's bridge that are its device's alone. */
const DEVICE_SECRETS = new Set(['session.json', 'store-key', 'verification-code']);

export interface StandInBridge {
	readonly bot: BotProcess;
	readonly setup: BotSetup;
	/** The stand-in's own device of the bridge account. */
	readonly deviceId: string;
	readonly from: string;
	readonly received: AcceptedMail[];
	/** The people mailed, by localpart: on call, next on duty, the officer. */
	readonly people: { readonly onCall: string; readonly next: string; readonly officer: string };
	userId(localpart: string): string;
	stop(): Promise<void>;
}

function profileDir(): string {
	const federation = process.env['ROGATORY_FEDERATION'];
	if (federation === undefined || federation === '')
		throw new Error('ROGATORY_FEDERATION is not set: run the end-to-end tests through npm test.');
	return dirname(federation);
}

/** The orchestrator's bridge of `authority`, from its pid file, checked against its command line. */
async function orchestratorBridgePid(bridgeDir: string): Promise<number> {
	const pid = Number(readFileSync(join(bridgeDir, 'bridge.pid'), 'utf8').trim());
	const command = await commandLine(pid);
	if (command === undefined || !command.includes(join(bridgeDir, 'config.json')))
		throw new Error(`pid ${pid} is not the bridge of ${bridgeDir} (${command ?? 'gone'})`);
	return pid;
}

/**
 * The people file with `email` added for the people named, and `colleagues`
 * (localparts) added as prosecutors: people of the authority, whose "I have
 * it" the bridge takes (bridge/alerts/ack-intake.ts).
 */
function withAddresses(peopleYaml: string, emails: Readonly<Record<string, string>>, colleagues: readonly string[]): string {
	const doc = parse(peopleYaml) as { people: Record<string, unknown>[] };
	for (const person of doc.people) {
		const email = emails[String(person['localpart'])];
		if (email !== undefined) person['email'] = email;
	}
	for (const localpart of colleagues) doc.people.push({ localpart, display_name: localpart, roles: ['prosecutor'], language: 'en' });
	return stringify(doc);
}

async function logOut(hs: Pick<LocalHomeserver, 'clientUrl'>, secretsDir: string): Promise<void> {
	let token: string;
	try {
		token = (JSON.parse(readFileSync(join(secretsDir, 'session.json'), 'utf8')) as { accessToken: string }).accessToken;
	} catch {
		return; // It never signed in.
	}
	const response = await fetch(`${hs.clientUrl}/_matrix/client/v3/logout`, {
		method: 'POST',
		headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
		body: '{}',
	});
	if (!response.ok) throw new Error(`the stand-in bridge's device was not logged out: ${response.status}`);
}

/** Pauses the orchestrator's bridge of `hs` and starts the stand-in; resolves once it escalates by mail. */
export async function standInBridge(
	hs: LocalHomeserver,
	env: Readonly<Record<string, string>>,
	colleagues: readonly string[] = [],
): Promise<StandInBridge> {
	const profile = profileDir();
	const original = join(profile, 'bridges', hs.id);
	const originalConfig = JSON.parse(readFileSync(join(original, 'config.json'), 'utf8')) as Record<string, unknown>;
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-stand-in-'));
	const secretsDir = join(dir, 'secrets');
	mkdirSync(secretsDir, { mode: 0o700 });
	const relay = await startMailRelay(dir);
	const from = siteFrom(hs);
	const domain = from.split('@')[1]!;
	const people = { onCall: 'tunde.adeyemi', next: 'ifeoma.nwosu', officer: 'amina.bello' };
	const userId = (localpart: string): string => `@${localpart}:${hs.serverName}`;
	const bridgeUser = userId(BRIDGE_LOCALPART);

	const pid = await orchestratorBridgePid(original);
	process.kill(pid, 'SIGSTOP');
	let bot: BotProcess | undefined;
	const stop = async (): Promise<void> => {
		try {
			if (bot !== undefined && bot.child.exitCode === null && bot.child.signalCode === null) {
				bot.child.kill('SIGTERM');
				await bot.exited;
			}
			// What it did, for a failed run: the folder stays (in the system's temporary folder).
			if (bot !== undefined) writeFileSync(join(dir, 'bridge.log'), bot.output(), { mode: 0o600 });
			await logOut(hs, secretsDir);
		} finally {
			process.kill(pid, 'SIGCONT');
			await relay.close();
		}
	};
	try {
		// Paused, the orchestrator's bridge writes none of these while they are copied.
		for (const name of readdirSync(join(original, 'secrets')))
			if (!DEVICE_SECRETS.has(name)) copyFileSync(join(original, 'secrets', name), join(secretsDir, name));
		const directory = JSON.parse(readFileSync(join(secretsDir, 'directory.json'), 'utf8')) as { entries: Record<string, unknown> };
		directory.entries = { ...directory.entries, ...rotaEntries(hs, bridgeUser, [people.onCall, people.next]) };
		writeFileSync(join(secretsDir, 'directory.json'), JSON.stringify(directory), { mode: 0o600 });
		const addresses = Object.fromEntries([people.onCall, people.officer].map((p) => [p, `${p.split('.')[0]}@${domain}`]));
		writeFileSync(
			join(dir, `${hs.id}.people.yaml`),
			withAddresses(readFileSync(join(profile, `${hs.id}.people.yaml`), 'utf8'), addresses, colleagues),
			{ mode: 0o600 },
		);
		const sitePath = join(dir, 'bot.site.yaml');
		writeFileSync(sitePath, botSiteYaml(hs.id, BRIDGE_LOCALPART) + mailSectionYaml(relay, from), { mode: 0o600 });
		const { secretariats: _notKept, ...config } = originalConfig;
		const configPath = join(dir, 'config.json');
		writeFileSync(configPath, JSON.stringify(config, null, '\t'), { mode: 0o600 });
		const setup: BotSetup = {
			userId: bridgeUser,
			configPath,
			rosterPath: join(profile, 'roster.yaml'),
			sitePath,
			config: {
				...(config as unknown as BotSetup['config']),
				registerFile: join(dir, 'register.sqlite'),
				secretsDir,
			},
		};
		bot = runBot(setup, 'bridge/bot/main.ts', env);
		await bot.logged('alerts: escalating unacknowledged urgent requests by mail');
		await bot.logged('bridge running');
		const { deviceId } = JSON.parse(readFileSync(join(secretsDir, 'session.json'), 'utf8')) as { deviceId: string };
		return { bot, setup, deviceId, from, received: relay.received, people, userId, stop };
	} catch (e) {
		await stop();
		throw e;
	}
}
