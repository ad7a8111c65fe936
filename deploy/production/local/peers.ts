// The development homeservers the local production run federates with: the
// `peers` profile (deploy/config/profiles.ts), started afresh each time from
// the demo roster, told that the run's authority has its homeserver
// elsewhere, under nginx's address (a placement: deploy/config/topology.ts).
// Afresh, because the run's database is new at every start under the same
// server name: peers that remembered the last run (its devices, its rooms)
// would talk to a server that no longer knows them.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import { profileFiles } from '../../config/layout.ts';
import { startFederation, type LocalFederation } from '../../local/federation.ts';
import { tryAcquireLock } from '../../process/lock.ts';
import { writeDemoDeployment } from '../../roster/demo-deployment.ts';
import { loadDeployment } from '../../roster/load.ts';
import { DEMO_ADDRESS } from './demo-options.ts';
import type { DemoFederation } from './run.ts';

export interface DemoPeers {
	readonly federation: LocalFederation;
	/** What startProductionDemo needs to federate with them. */
	readonly demo: DemoFederation;
}

export async function startDemoPeers(request: {
	readonly root: string;
	/** The authority of the production run. */
	readonly authority: string;
	/** Only these authorities' homeservers (default: every other one of the roster). */
	readonly only?: readonly string[];
	readonly log?: (line: string) => void;
}): Promise<Result<DemoPeers, string>> {
	const files = profileFiles(request.root, 'peers');
	const lock = tryAcquireLock(files.lock);
	if ('heldBy' in lock) return err(`the peers profile's homeservers already run, supervised by process ${lock.heldBy}: stop it first`);
	lock.release();
	rmSync(files.dir, { recursive: true, force: true });
	const paths = writeDemoDeployment(files.dir);
	const deployment = loadDeployment(paths);
	if (!deployment.ok) return err(describeErrors(deployment.error));
	const started = await startFederation({
		profile: 'peers',
		roster: deployment.value.runtime,
		root: request.root,
		placement: { elsewhere: { [request.authority]: DEMO_ADDRESS }, ...(request.only === undefined ? {} : { only: request.only }) },
		...(request.log === undefined ? {} : { onProgress: request.log }),
	});
	if (!started.ok) return err(started.error.message);
	const federation = started.value;
	return ok({
		federation,
		demo: {
			caDir: dirname(federation.caCertPath),
			peers: Object.fromEntries(federation.homeservers.map((hs) => [hs.id, hs.serverName])),
			clientUrls: Object.fromEntries(federation.homeservers.map((hs) => [hs.id, hs.clientUrl])),
		},
	});
}
