// The bridge bot process:
// `node bridge/bot/main.ts --roster <roster.yaml> --site <site.yaml> <config.json>`
// (ROGATORY_ROSTER / ROGATORY_SITE when the flags are left out). Reads the
// three files first and refuses to start on any problem in them (start.ts).
// Then opens the authority's register (migrating it) with the fold's context
// — the roster and the server → authority map — and runs the bot with the register as its
// sink: each sync batch's events, invitations, undecryptable events and the
// checkpoint land in one register transaction (ARCHITECTURE.md, decision 7).
// It also keeps or joins its networks' directory rooms (bridge/directory), joins
// its networks' rooms, and keeps them where its authority hosts the network's
// secretariat (networks.ts). With a `mail` section in the site, it mails the
// people on duty about unacknowledged urgent requests (bridge/alerts); the
// people's own alert settings are kept in the register in any case.
// A register that cannot be opened for a passing reason (locked, full,
// read-only) is retried, loudly; one that can never be (newer schema, not a
// register) stops the bot.
import { join } from 'node:path';
import { bridgeAlerts } from '../alerts/bridge-alerts.ts';
import { alertingSink } from '../alerts/passes.ts';
import { alertAcksSink } from '../alerts/ack-intake.ts';
import { preferencesSink } from '../alerts/preference-intake.ts';
import { alertSettings } from '../alerts/settings.ts';
import { caseCommands } from '../commands/case-commands.ts';
import { openRegister, registerSink, type Register } from '../register/index.ts';
import { caseReminders } from '../reminders/case-reminders.ts';
import { clockFromEnv } from '../reminders/clock.ts';
import { reportsOptions } from '../reports/options.ts';
import { bridgeMap, serverMap, type BotConfig } from './config.ts';
import { keepSecretariats, networkPresenceOptions } from './networks.ts';
import { reconcileEveryMs } from './reconcile-setting.ts';
import { exitWith, log, runBridge } from './run.ts';
import { readBridgeStart, refusalText } from './start.ts';

// The register, its checkpoint's crypto store and the secrets are the
// authority's alone: files 0600, folders 0700, however the bot was started
// (scripts/bootstrap.sh sets the same umask for everything npm starts).
// NOTE: deploy/process/private-umask.ts does the same for deploy and scripts;
// the bridge imports nothing from deploy/ (ARCHITECTURE.md), so it is one line here.
process.umask(0o077);

const PASSING = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR'];

async function openUntilWritable(config: BotConfig): Promise<Register | undefined> {
	for (let attempt = 1; ; attempt++) {
		const opened = openRegister(config.registerFile, { roster: config.roster, servers: serverMap(config, config.roster) });
		if (opened.ok) return opened.value;
		const passing = PASSING.some((code) => opened.error.code.startsWith(code));
		log(
			`REGISTER CANNOT BE OPENED: ${opened.error.message}${passing ? ` — retrying in ${config.retrySeconds}s (attempt ${attempt})` : ''}`,
		);
		if (!passing) return undefined;
		await new Promise((resolve) => setTimeout(resolve, config.retrySeconds * 1000));
	}
}

async function main(argv: readonly string[]): Promise<number> {
	const start = readBridgeStart('bridge/bot/main.ts', argv, process.env);
	if (!start.ok) {
		console.error(refusalText(start.error));
		return 2;
	}
	const { config, warnings, label, site } = start.value;
	log(label);
	for (const w of warnings) log(w);
	const reconcile = reconcileEveryMs(process.env, config.reconcileEveryMinutes);
	if (!reconcile.ok) {
		console.error(reconcile.error);
		return 2;
	}
	const server = [...serverMap(config, config.roster)].find(([, a]) => a === config.authority)?.[0] ?? '';
	const alerting = alertSettings(site.document, site.people, server, process.env);
	if (!alerting.ok) {
		console.error(alerting.error);
		return 2;
	}
	const register = await openUntilWritable(config);
	if (register === undefined) return 1;
	log(`register ${register.file} open`);
	const secretariats = keepSecretariats(config, log);
	const clock = clockFromEnv();
	const alerts =
		alerting.value === undefined
			? undefined
			: bridgeAlerts({
					settings: alerting.value,
					register,
					roster: config.roster,
					authority: config.authority,
					servers: serverMap(config, config.roster),
					server,
					secretsDir: config.secretsDir,
					now: () => clock.now(),
					log,
				});
	try {
		const commands = caseCommands({
			read: (room) => register.record(room),
			identities: (user) => register.identityChanges(user),
			roster: config.roster,
			servers: serverMap(config, config.roster),
			authority: config.authority,
			rosterEdition: config.rosterEdition,
		});
		// NOTE: the clock is the system's unless ROGATORY_CLOCK_FILE names an offset file (integration tests, drills).
		const reminders = caseReminders({
			register,
			roster: config.roster,
			servers: serverMap(config, config.roster),
			authority: config.authority,
			clock,
			settings: config.reminders,
			log,
		});
		const identityApproved = (user: string, identity: string): boolean => {
			const changes = register.identityChanges(user);
			return changes.ok && changes.value.some((c) => c.identity === identity && c.approvalEventId !== null);
		};
		const directory = {
			roster: config.roster,
			authority: config.authority,
			servers: serverMap(config, config.roster),
			bridges: bridgeMap(config),
			people: config.roster.people,
			rosterEdition: config.rosterEdition,
			stateFile: join(config.secretsDir, 'directory.json'),
			retryMs: config.retrySeconds * 1000,
		};
		// Reports to the network secretariats (bridge/reports, docs/secretariat-reports.md): sent only with the site's consent.
		const reports = reportsOptions(config, register, join(config.secretsDir, 'reports.json'));
		const sink = registerSink(register);
		// People's own alert settings (bridge/alerts/preference-intake.ts): kept whether or not the site sends mail yet, so
		// that they hold from the day it does.
		const people = new Set(site.people.people.map((p) => `@${p.localpart.toLowerCase()}:${server}`));
		// And their "I have it" for an alert (bridge/alerts/ack-intake.ts), which stops its escalation.
		const acks = alertAcksSink(sink, { people, log });
		const taking = preferencesSink(acks, {
			people,
			versionOf: (user) => {
				const held = register.preferences.versionOf(user);
				return held.ok ? held.value : undefined;
			},
			log,
		});
		await runBridge(config, alerts === undefined ? taking : alertingSink(taking, alerts), {
			reconcileEveryMs: reconcile.value,
			registerHead: () => {
				const head = register.logHead();
				return head.ok ? head.value : undefined;
			},
			commands,
			reminders,
			...(alerts === undefined ? {} : { alerts }),
			identityApproved,
			directory,
			networks: networkPresenceOptions(config, log),
			reports,
		});
	} finally {
		await alerts?.stop();
		secretariats.stop();
		register.close();
	}
	return 0;
}

exitWith(main(process.argv.slice(2)));
