// The bridge bot process: `node bridge/bot/main.ts <config.json>`. Opens the
// authority's register (migrating it) with the fold's context — the roster
// and the server → authority map — and runs the bot with the register as its
// sink: each sync batch's events, invitations, undecryptable events and the
// checkpoint land in one register transaction (ARCHITECTURE.md, decision 7).
// A register that cannot be opened for a passing reason (locked, full,
// read-only) is retried, loudly; one that can never be (newer schema, not a
// register) stops the bot.
import { demoRoster } from '../../policies/roster/demo.ts';
import { caseCommands } from '../commands/case-commands.ts';
import { openRegister, registerSink, type Register } from '../register/index.ts';
import { caseReminders } from '../reminders/case-reminders.ts';
import { clockFromEnv } from '../reminders/clock.ts';
import { readConfig, serverMap, type BotConfig } from './config.ts';
import { exitWith, log, runBridge } from './run.ts';

// The register, its checkpoint's crypto store and the secrets are the
// authority's alone: files 0600, folders 0700, however the bot was started
// (scripts/bootstrap.sh sets the same umask for everything npm starts).
// NOTE: deploy/process/private-umask.ts does the same for deploy and scripts;
// the bridge imports nothing from deploy/ (ARCHITECTURE.md), so it is one line here.
process.umask(0o077);

const PASSING = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR'];

async function openUntilWritable(config: BotConfig): Promise<Register | undefined> {
	for (let attempt = 1; ; attempt++) {
		const opened = openRegister(config.registerFile, { roster: demoRoster, servers: serverMap(config, demoRoster) });
		if (opened.ok) return opened.value;
		const passing = PASSING.some((code) => opened.error.code.startsWith(code));
		log(
			`REGISTER CANNOT BE OPENED: ${opened.error.message}${passing ? ` — retrying in ${config.retrySeconds}s (attempt ${attempt})` : ''}`,
		);
		if (!passing) return undefined;
		await new Promise((resolve) => setTimeout(resolve, config.retrySeconds * 1000));
	}
}

async function main(path: string | undefined): Promise<number> {
	if (path === undefined) {
		console.error('usage: node bridge/bot/main.ts <config.json>');
		return 2;
	}
	const parsed = readConfig(path, demoRoster);
	if (!parsed.ok) {
		console.error(parsed.error);
		return 2;
	}
	const { config, warnings } = parsed.value;
	for (const w of warnings) log(`${path}: ${w}`);
	const register = await openUntilWritable(config);
	if (register === undefined) return 1;
	log(`register ${register.file} open`);
	try {
		const commands = caseCommands({
			read: (room) => register.record(room),
			identities: (user) => register.identityChanges(user),
			roster: demoRoster,
			servers: serverMap(config, demoRoster),
			authority: config.authority,
		});
		// NOTE: the clock is the system's unless ROGATORY_CLOCK_FILE names an offset file (integration tests, drills).
		const reminders = caseReminders({
			register,
			roster: demoRoster,
			servers: serverMap(config, demoRoster),
			authority: config.authority,
			clock: clockFromEnv(),
			settings: config.reminders,
			log,
		});
		const identityApproved = (user: string, identity: string): boolean => {
			const changes = register.identityChanges(user);
			return changes.ok && changes.value.some((c) => c.identity === identity && c.approvalEventId !== null);
		};
		await runBridge(config, registerSink(register), commands, reminders, identityApproved);
	} finally {
		register.close();
	}
	return 0;
}

exitWith(main(process.argv[2]));
