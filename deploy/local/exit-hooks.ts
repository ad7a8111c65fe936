// Makes sure homeservers do not outlive the process that started them: on
// SIGINT/SIGTERM every running federation is stopped (SIGTERM, then SIGKILL
// after a grace period); on any other exit, which cannot wait, the
// homeservers get SIGTERM. Whatever still survives (the parent was
// SIGKILLed) is ended by the next start via the pid files.
// NOTE: if the host program listens to the signal too (npm start stops its
// web server first), it owns the exit: we only stop the homeservers (stop()
// is shared, so its own federation.stop() awaits the same work). Otherwise
// we exit with 128 + the signal number, as the default handler would have.

export interface ExitHook {
	/** The pids to signal if the process exits without stop() having run. */
	pids(): readonly number[];
	stop(): Promise<void>;
}

const hooks = new Set<ExitHook>();
let stopping = false;

function onExit(): void {
	for (const hook of hooks) {
		for (const pid of hook.pids()) {
			try {
				process.kill(pid, 'SIGTERM');
			} catch {
				// Already gone.
			}
		}
	}
}

function onSignal(signal: NodeJS.Signals): void {
	const code = signal === 'SIGINT' ? 130 : 143;
	if (stopping) {
		// A second Ctrl-C: do not wait any longer.
		for (const hook of hooks) for (const pid of hook.pids()) tryKill(pid);
		process.exit(code);
	}
	stopping = true;
	const hostHandles = process.listenerCount(signal) > 1;
	void Promise.allSettled([...hooks].map((hook) => hook.stop())).then(() => {
		stopping = false;
		if (!hostHandles) process.exit(code);
	});
}

function tryKill(pid: number): void {
	try {
		process.kill(pid, 'SIGKILL');
	} catch {
		// Already gone.
	}
}

export function registerExitHook(hook: ExitHook): () => void {
	if (hooks.size === 0) {
		process.on('exit', onExit);
		process.on('SIGINT', onSignal);
		process.on('SIGTERM', onSignal);
	}
	hooks.add(hook);
	return () => {
		hooks.delete(hook);
		if (hooks.size === 0) {
			process.off('exit', onExit);
			process.off('SIGINT', onSignal);
			process.off('SIGTERM', onSignal);
		}
	};
}
