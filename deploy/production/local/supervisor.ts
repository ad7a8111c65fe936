// Supervises the local production run's processes as systemd supervises
// them on a real host: each one's output to its own log file, one that stops
// on its own started again after a pause, at most so many times in a window
// (deploy/local/restart-policy.ts, the units' Restart=on-failure), and all
// stopped in the reverse order of their start — SIGTERM, a grace period,
// SIGKILL — so that nothing is left running.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { terminate } from '../../process/terminate.ts';
import { LOCAL_RESTART, restartDecision } from '../../local/restart-policy.ts';

export interface ProcessSpec {
	readonly name: string;
	readonly command: string;
	readonly args: readonly string[];
	readonly cwd: string;
	readonly logFile: string;
	readonly env?: NodeJS.ProcessEnv;
}

/** NOTE: a child killed by a signal keeps exitCode null (signalCode says so instead). */
export const running = (child: ChildProcess): boolean => child.exitCode === null && child.signalCode === null;

interface Entry {
	readonly spec: ProcessSpec;
	child: ChildProcess;
	readonly restarts: number[];
}

export class Supervisor {
	readonly #entries: Entry[] = [];
	readonly #log: (line: string) => void;
	#stopping = false;

	constructor(log: (line: string) => void) {
		this.#log = log;
	}

	start(spec: ProcessSpec): ChildProcess {
		const entry: Entry = { spec, child: this.#spawn(spec), restarts: [] };
		this.#entries.push(entry);
		this.#watch(entry);
		return entry.child;
	}

	/** The pid of each running process, by name. */
	pids(): Record<string, number | undefined> {
		return Object.fromEntries(this.#entries.map((e) => [e.spec.name, running(e.child) ? e.child.pid : undefined]));
	}

	/** Resolves once every process has exited and been reaped: none is left, not even as a zombie. */
	async stopAll(graceMs = 15_000): Promise<void> {
		this.#stopping = true;
		for (const entry of [...this.#entries].reverse()) {
			const child = entry.child;
			if (child.pid === undefined || !running(child)) continue;
			// NOTE: terminate() returns once the process is a zombie (it counts those as gone); its pid is free only
			// once Node has reaped it, which the 'exit' event says. A stop then a start of the same services needs that.
			const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
			await terminate(child.pid, graceMs);
			await exited;
		}
	}

	#spawn(spec: ProcessSpec): ChildProcess {
		const log = openSync(spec.logFile, 'a');
		return spawn(spec.command, [...spec.args], { cwd: spec.cwd, env: spec.env ?? process.env, stdio: ['ignore', log, log] });
	}

	#watch(entry: Entry): void {
		entry.child.once('exit', (code, signal) => {
			if (this.#stopping) return;
			const decision = restartDecision(LOCAL_RESTART, entry.restarts, Date.now());
			if (!decision.restart) {
				this.#log(`${entry.spec.name} stopped (${signal ?? `code ${code}`}); ${decision.reason} (log: ${entry.spec.logFile})`);
				return;
			}
			this.#log(`${entry.spec.name} stopped (${signal ?? `code ${code}`}); starting it again in ${decision.inMs / 1000} s`);
			setTimeout(() => {
				if (this.#stopping) return;
				entry.restarts.push(Date.now());
				entry.child = this.#spawn(entry.spec);
				this.#watch(entry);
			}, decision.inMs).unref();
		});
	}
}
