// The local production run together with the development homeservers it
// federates with (peers.ts), started in that order; the peers are stopped
// again when the run does not start, so a failure leaves nothing running.
// Used by `rogatory production-demo` and by the production run's tests.
import { err, ok, type Result } from '../../../policies/result.ts';
import type { LocalFederation } from '../../local/federation.ts';
import { startDemoPeers } from './peers.ts';
import { startProductionDemo, type ProductionDemo } from './run.ts';

export interface RunWithPeers {
	readonly peers: LocalFederation;
	readonly demo: ProductionDemo;
	/** Stops the run, then its peers. */
	stop(): Promise<void>;
}

export interface RunWithPeersRequest {
	readonly root: string;
	/** The run's folder: removed and made again. */
	readonly dir: string;
	readonly authority: string;
	/** Only these peers (the roster's authorities otherwise). */
	readonly only?: readonly string[];
	/** The bridge and the web app as services (run.ts; the default). */
	readonly rogatory?: boolean;
	readonly log: (line: string) => void;
}

export async function startRunWithPeers(request: RunWithPeersRequest): Promise<Result<RunWithPeers, string>> {
	const { root, authority, log } = request;
	const started = await startDemoPeers({
		root,
		authority,
		...(request.only === undefined ? {} : { only: request.only }),
		log: (line) => log(`peers: ${line}`),
	});
	if (!started.ok) return err(`the development homeservers to federate with did not start: ${started.error}`);
	const peers = started.value.federation;
	const demo = await startProductionDemo({
		root,
		dir: request.dir,
		authority,
		federation: started.value.demo,
		...(request.rogatory === undefined ? {} : { rogatory: request.rogatory }),
		log,
	});
	if (!demo.ok) {
		await peers.stop();
		return err(`the production run did not start: ${demo.error}`);
	}
	return ok({
		peers,
		demo: demo.value,
		stop: async () => {
			await demo.value.stop();
			await peers.stop();
		},
	});
}
