// The local federation: one Synapse per roster authority plus the outsider,
// started in parallel for a profile (start / test / bench), supervised (one
// that stops on its own is started again: restart-policy.ts), and stopped
// together. The entry point for `npm start`, the tests' global setup
// and the benches.
import { readFileSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';
import type { Roster } from '../../policies/roster/types.ts';
import { profileFiles } from '../config/layout.ts';
import { PROFILES, type Profile, type ProfileName } from '../config/profiles.ts';
import type { Placement } from '../config/topology.ts';
import { tryAcquireLock } from '../process/lock.ts';
import { usePrivateUmask } from '../process/private-umask.ts';
import { terminate } from '../process/terminate.ts';
import { ensureSynapse, synapseInstalled, type SynapseInstall } from '../synapse/install.ts';
import { checkPython, pythonCommand } from '../synapse/python.ts';
import { checkPorts } from './check-ports.ts';
import { findHomeserver, removeDescription, writeDescription } from './description.ts';
import { registerExitHook } from './exit-hooks.ts';
import { LOCAL_RESTART, restartDecision, type RestartPolicy } from './restart-policy.ts';
import { prepareProfile, reconfigureHomeserver, type PreparedHomeserver, type PreparedProfile } from './prepare.ts';
import { tightenProfileData } from './private-data.ts';
import { endStaleHomeservers } from './stale.ts';
import { profileBusyError, type StartError } from './start-error.ts';
import { spawnSynapse, type SynapseProcess } from './synapse-process.ts';
import type { LocalHomeserver } from './types.ts';
import { waitUntilReady } from './wait-ready.ts';

export type { ProfileName } from '../config/profiles.ts';
export type { StartError, StartErrorKind } from './start-error.ts';
export type { FederationDescription, LocalHomeserver } from './types.ts';
export { describeFederation, findHomeserver } from './description.ts';

export interface LocalFederation {
	readonly profile: ProfileName;
	readonly homeservers: readonly LocalHomeserver[];
	readonly caCertPath: string;
	/** Throws on an unknown id (a programming error). */
	homeserver(id: string): LocalHomeserver;
	/**
	 * Applies a roster version to one homeserver: its configs are regenerated
	 * from `roster` (its federation allowlist) and it is restarted, as Synapse
	 * reads the allowlist only at start. Resolves once it answers again.
	 */
	restartWith(id: string, roster: Roster): Promise<Result<void, StartError>>;
	stop(): Promise<void>;
}

export interface StartOptions {
	readonly profile: ProfileName;
	readonly roster: Roster;
	/** The repository root. */
	readonly root: string;
	readonly onProgress?: (line: string) => void;
	/** How long to wait for every homeserver to answer (default 180 s). */
	readonly timeoutMs?: number;
	/** When a homeserver that stopped on its own is started again (default LOCAL_RESTART). */
	readonly restart?: RestartPolicy;
	/** Which of the roster's homeservers run here, and the server names of those that run elsewhere (default: all here). */
	readonly placement?: Placement;
}

const STOP_GRACE_MS = 10_000;

function toLocal(hs: PreparedHomeserver): LocalHomeserver {
	return {
		id: hs.plan.id,
		serverName: hs.plan.serverName,
		address: hs.plan.address,
		clientUrl: hs.clientUrl,
		federationPort: hs.plan.federationPort,
		dataDir: hs.files.dir,
		logPath: hs.files.log,
	};
}

interface SetUp {
	readonly synapse: SynapseInstall;
	readonly prepared: PreparedProfile;
}

/** Everything before the first Synapse starts: private data, install, stale processes, configs, certificates, ports. */
async function setUpProfile(
	root: string,
	profile: Profile,
	roster: Roster,
	placement: Placement,
	progress: (line: string) => void,
): Promise<Result<SetUp, StartError>> {
	for (const line of tightenProfileData(root, profile.name)) progress(line);
	if (!synapseInstalled(root)) {
		const python = await checkPython(pythonCommand());
		if (!python.ok) return err({ kind: 'python', message: python.error });
	}
	const synapse = await ensureSynapse(root, progress);
	if (!synapse.ok) return err({ kind: 'install', message: synapse.error });
	await endStaleHomeservers(root, profile.name, progress);
	const prepared = await prepareProfile(root, profile, roster, synapse.value.python, placement);
	if (!prepared.ok) return err({ kind: 'certificates', message: prepared.error });
	const ports = await checkPorts(profile.name, prepared.value.homeservers);
	if (!ports.ok) return ports;
	return ok({ synapse: synapse.value, prepared: prepared.value });
}

export async function startFederation(options: StartOptions): Promise<Result<LocalFederation, StartError>> {
	// Every file of the federation, and of the bridges and web server started
	// from the same process, is created 0600 (also when vitest starts it).
	usePrivateUmask();
	const { root, roster } = options;
	const profile = PROFILES[options.profile];
	const progress = options.onProgress ?? (() => {});

	const lock = tryAcquireLock(profileFiles(root, profile.name).lock);
	if ('heldBy' in lock) return err(profileBusyError(profile.name, lock.heldBy));
	let setUp: Result<SetUp, StartError>;
	try {
		setUp = await setUpProfile(root, profile, roster, options.placement ?? {}, progress);
	} catch (error) {
		lock.release();
		throw error;
	}
	if (!setUp.ok) {
		lock.release();
		return setUp;
	}
	const { synapse, prepared } = setUp.value;

	progress(`starting ${prepared.homeservers.length} homeservers (${profile.name} profile, Synapse ${synapse.version})`);
	const processes: SynapseProcess[] = [];
	let stopped: Promise<void> | undefined;
	const stop = (): Promise<void> => {
		stopped ??= (async () => {
			await Promise.all(processes.filter((p) => p.exit() === undefined).map((p) => terminate(p.pid, STOP_GRACE_MS)));
			removeDescription(root, profile.name);
			unregister();
			lock.release();
		})();
		return stopped;
	};
	const unregister = registerExitHook({
		pids: () => processes.filter((p) => p.exit() === undefined).map((p) => p.pid),
		stop,
	});

	const started = prepared.homeservers.map((homeserver) => {
		const child = spawnSynapse(synapse.python, homeserver.plan.id, homeserver.files);
		processes.push(child);
		return { homeserver, process: child };
	});
	const waitOptions = { caPem: readFileSync(prepared.caCertPath, 'utf8'), timeoutMs: options.timeoutMs ?? 180_000, onProgress: progress };
	const ready = await waitUntilReady(started, waitOptions);
	if (!ready.ok) {
		await stop();
		return ready;
	}
	// A homeserver that stops on its own is started again (restart-policy.ts), as systemd would on a real host.
	const restarts = new Map<string, number[]>();
	const watch = (entry: (typeof started)[number]): void => {
		void entry.process.exited.then(async (how) => {
			if (stopped !== undefined || !started.includes(entry)) return;
			const id = entry.homeserver.plan.id;
			const earlier = restarts.get(id) ?? [];
			const decision = restartDecision(options.restart ?? LOCAL_RESTART, earlier, Date.now());
			const restarting = decision.restart ? `; restarting it in ${Math.round(decision.inMs / 1000)} s` : `; ${decision.reason}`;
			progress(`homeserver ${id} stopped unexpectedly (${how})${restarting}; see ${entry.homeserver.files.log}`);
			if (!decision.restart) return;
			await new Promise((resolve) => setTimeout(resolve, decision.inMs).unref());
			if (stopped !== undefined || !started.includes(entry)) return;
			restarts.set(id, [...earlier, Date.now()]);
			const again = { homeserver: entry.homeserver, process: spawnSynapse(synapse.python, id, entry.homeserver.files) };
			processes.push(again.process);
			started.splice(started.indexOf(entry), 1, again);
			watch(again);
			const ready = await waitUntilReady([again], waitOptions);
			progress(ready.ok ? `homeserver ${id} is back` : `homeserver ${id} did not come back: ${ready.error.message}`);
		});
	};
	for (const entry of started) watch(entry);
	const restartWith = async (id: string, next: Roster): Promise<Result<void, StartError>> => {
		const at = started.findIndex((e) => e.homeserver.plan.id === id);
		const entry = started[at];
		if (entry === undefined) throw new Error(`no homeserver "${id}" in this federation`);
		const homeserver = reconfigureHomeserver(root, profile, next, entry.homeserver, prepared.caCertPath, options.placement);
		// NOTE: a programming error, not a fault: the caller restarts a homeserver the roster it passes does not plan.
		if (!homeserver.ok) throw new Error(homeserver.error);
		started.splice(at, 1);
		await terminate(entry.process.pid, STOP_GRACE_MS);
		progress(`restarting ${id} with roster changes`);
		const child = spawnSynapse(synapse.python, id, homeserver.value.files);
		processes.push(child);
		const again = { homeserver: homeserver.value, process: child };
		started.push(again);
		watch(again);
		return waitUntilReady([again], waitOptions);
	};

	const description = {
		profile: profile.name,
		homeservers: prepared.homeservers.map(toLocal),
		caCertPath: prepared.caCertPath,
		supervisorPid: process.pid,
		startedAt: new Date().toISOString(),
	};
	writeDescription(root, description);
	return ok({
		profile: profile.name,
		homeservers: description.homeservers,
		caCertPath: description.caCertPath,
		homeserver: (id: string) => findHomeserver(description, id),
		restartWith,
		stop,
	});
}
