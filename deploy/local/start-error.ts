// Why a local federation did not start, as one paragraph that says what to
// do. Expected failures (a port taken, Python missing, a homeserver that
// dies on a config error) become these values; stack traces are kept for bugs.
import type { ProfileName } from '../config/profiles.ts';

export type StartErrorKind = 'python' | 'install' | 'certificates' | 'busy' | 'port-in-use' | 'address-unavailable' | 'died' | 'timeout';

export interface StartError {
	readonly kind: StartErrorKind;
	readonly message: string;
}

const WHO_USES: Readonly<Record<ProfileName, string>> = {
	start: '`npm start`',
	test: 'a test run (`npm test`)',
	bench: '`npm run bench`',
	other: 'the second deployment’s test (tests/integration/fourth-network.test.ts)',
	fanout: '`npm run bench -- plenary_fanout`',
	admission: 'the admission test (tests/integration/admission.test.ts)',
	peers:
		'a local production run’s test (deploy/production/local/run.integration.test.ts, deploy/production/backup/restore-run.integration.test.ts) or `npm run -s rogatory -- production-demo`',
};

export function profileBusyError(profile: ProfileName, pid: number): StartError {
	return {
		kind: 'busy',
		message:
			`The "${profile}" homeservers are already running, supervised by process ${pid} — probably ${WHO_USES[profile]} ` +
			`in another terminal. Stop it (Ctrl-C there, or \`kill ${pid}\`) and run the command again.`,
	};
}

export function portInUseError(
	profile: ProfileName,
	homeserver: string,
	address: string,
	port: number,
	holder: string | undefined,
): StartError {
	const by = holder === undefined ? '' : ` by ${holder}`;
	const advice =
		holder === undefined
			? `Find the process with \`ss -ltnp 'sport = :${port}'\` (or \`lsof -iTCP:${port}\`), stop it`
			: `If that is ${WHO_USES[profile]} or a Synapse from an earlier run, stop it (Ctrl-C in its terminal, or \`kill ${/pid (\d+)/.exec(holder)?.[1] ?? '<pid>'}\`)`;
	return {
		kind: 'port-in-use',
		message:
			`Port ${port} on ${address} is already in use${by}, so the "${profile}" homeserver ${homeserver} cannot start. ` +
			`${advice}, then run the command again. (Each profile has its own ports: start 18008/18448, test 28008/28448, bench 38008/38448, fanout 58008/58448.)`,
	};
}

export function addressUnavailableError(address: string): StartError {
	return {
		kind: 'address-unavailable',
		message:
			`The loopback address ${address} cannot be bound on this machine. Linux routes all of 127.0.0.0/8 to the ` +
			`loopback interface; macOS only 127.0.0.1 unless you add an alias: \`sudo ifconfig lo0 alias ${address} up\` ` +
			`(one per homeserver address), then run the command again.`,
	};
}

export function diedError(homeserver: string, exit: string, logPath: string, consolePath: string, tail: string): StartError {
	return {
		kind: 'died',
		message:
			`The homeserver ${homeserver} stopped while starting (${exit}). Its last log lines:\n\n${indent(tail)}\n\n` +
			`Full logs: ${logPath} and ${consolePath}. If its data folder is damaged, delete that folder ` +
			`(its users and rooms go with it) and run the command again.`,
	};
}

export function timeoutError(waitingFor: readonly string[], seconds: number, logPaths: readonly string[]): StartError {
	return {
		kind: 'timeout',
		message:
			`Homeserver${waitingFor.length === 1 ? '' : 's'} ${waitingFor.join(', ')} did not answer within ${seconds} s. ` +
			`The machine may be overloaded (each Synapse needs about 150 MB and a few seconds of CPU to start); ` +
			`look at ${logPaths.join(', ')} and run the command again.`,
	};
}

function indent(text: string): string {
	return text
		.split('\n')
		.map((line) => `    ${line}`)
		.join('\n');
}
