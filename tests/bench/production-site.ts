// What the production benches run against (issue 15, acceptances 4 and 5):
// the local production run of Guatemala (deploy/production/local/run.ts:
// PostgreSQL, Redis, Synapse's main process and five workers, nginx with TLS
// on 127.0.70.1) federating with development-profile homeservers of the
// `peers` profile (deploy/production/local/peers.ts), all started here and
// all stopped when the bench's function returns or throws — and, should the
// bench process be told to stop (SIGINT, SIGTERM), by the exit hooks
// (deploy/local/exit-hooks.ts). The production run's folder is
// .data/production-bench, started afresh.
// The peers are Nigeria's and Kazakhstan's: Nigeria federates with both
// Guatemala and Kazakhstan (the demo roster's WACAP and CASC), so a pair of
// development homeservers that federate with each other runs beside the
// production one in the same run, for the baseline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import { homeserverFiles } from '../../deploy/config/layout.ts';
import { removeRateLimits } from '../../deploy/local/admin-api.ts';
import { registerExitHook } from '../../deploy/local/exit-hooks.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { isAlive } from '../../deploy/process/alive.ts';
import { startDemoPeers } from '../../deploy/production/local/peers.ts';
import { startProductionDemo, type ProductionDemo } from '../../deploy/production/local/run.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf, type FederationInfo } from '../support/federation-info.ts';
import type { NodeAccount } from '../support/matrix-node-client.ts';

const ROOT = join(import.meta.dirname, '..', '..');
/** The authority whose production profile runs. */
export const PRODUCTION = 'gt-mp';
/** The development homeserver that federates with the production one and with BASELINE_PEER. */
export const PEER = 'ng-ca';
/** With PEER, the baseline's pair of development homeservers. */
export const BASELINE_PEER = 'kz-gpo';

export interface ProductionSite {
	/** The production homeserver (as the test support sees a homeserver) and the peers, by authority id. */
	readonly info: FederationInfo;
	readonly demo: ProductionDemo;
	/**
	 * A fresh account on `homeserverId`. On the production homeserver its
	 * per-user message rate limit (Synapse's default, 0.2/s with a burst of
	 * 10, which the production profile keeps) is lifted through the admin
	 * API, as an operator lifts a bot's: the benches measure delivery, not
	 * the limiter; the development profile has no such limit.
	 */
	account(homeserverId: string, label: string): Promise<NodeAccount>;
	/** The pid of a development peer's Synapse (its pid file). */
	synapsePid(homeserverId: string): number;
}

export async function withProductionSite<T>(name: string, use: (site: ProductionSite) => Promise<T>): Promise<T> {
	const log = (line: string): void => console.error(`[${name}] ${line}`);
	const peers = await startDemoPeers({ root: ROOT, authority: PRODUCTION, only: [PEER, BASELINE_PEER], log: (l) => log(`peers: ${l}`) });
	if (!peers.ok) throw new Error(`the development homeservers did not start: ${peers.error}`);
	let demo: ProductionDemo | undefined;
	let unregister = (): void => {};
	try {
		const started = await startProductionDemo({
			root: ROOT,
			dir: join(ROOT, '.data', 'production-bench'),
			authority: PRODUCTION,
			federation: peers.value.demo,
			// Synapse's load only, as the development profile it is compared with (no bridge, no web app there either).
			rogatory: false,
			log: (l) => log(`production: ${l}`),
		});
		if (!started.ok) throw new Error(`the production profile did not start: ${started.error}`);
		demo = started.value;
		const running = demo;
		unregister = registerExitHook({
			pids: () => Object.values(running.pids()).filter((p): p is number => p !== undefined),
			stop: () => running.stop(),
		});
		// The SDK's fetch and the admin calls verify nginx's certificate against the run's CA.
		setDefaultCACertificates([...getCACertificates('default'), demo.caCert]);
		const production = demo.homeserver;
		const info: FederationInfo = {
			profile: 'peers',
			caCertPath: peers.value.federation.caCertPath,
			homeservers: [production, ...peers.value.federation.homeservers],
		};
		const admin = await registerAccount(production, `bench-admin-${Date.now()}`, { admin: true });
		if (!admin.ok) throw new Error(admin.error);
		const account = async (homeserverId: string, label: string): Promise<NodeAccount> => {
			const made = await freshAccount(info, homeserverId, label);
			if (homeserverId !== PRODUCTION) return made;
			const lifted = await removeRateLimits(admin.value, made.userId);
			if (!lifted.ok) throw new Error(lifted.error);
			return made;
		};
		const synapsePid = (homeserverId: string): number =>
			Number(readFileSync(homeserverFiles(homeserverOf(info, homeserverId).dataDir).pid, 'utf8').trim());
		return await use({ info, demo, account, synapsePid });
	} finally {
		if (demo !== undefined) {
			const pids = Object.values(demo.pids()).filter((p): p is number => p !== undefined);
			await demo.stop();
			const left = pids.filter((pid) => isAlive(pid));
			if (left.length > 0) log(`still running after stop: ${left.join(', ')}`);
		}
		unregister();
		await peers.value.federation.stop();
	}
}
