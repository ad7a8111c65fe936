// The production homeserver.yaml of one authority — the settings the main
// process and every worker share: PostgreSQL, Redis, the workers of
// worker-set.ts (instance_map, stream_writers, the federation sender, the
// media repository off the main process), a Prometheus listener on loopback
// per process, TLS terminated by the reverse proxy, secrets in files (replication and Redis authenticated), the closed
// federation of its networks — federation_domain_whitelist from the roster,
// with the peers' production server names — and the privacy settings every
// Rogatory homeserver carries (config/privacy.ts, shared with the local
// configs the tests run). None of the development overlay (config/development.ts).
import { err, ok, type Result } from '../../policies/result.ts';
import { homeserverPeers } from '../../policies/network/joint-parties.ts';
import type { Authority, AuthorityId, Roster } from '../../policies/roster/types.ts';
import { closedFederationSettings, personalDataSettings } from '../config/privacy.ts';
import { databaseSettings } from './database.ts';
import type { ProductionOptions } from './options.ts';
import { secretPath, SIGNING_KEY } from './secret-files.ts';
import { productionWorkers, workerOfKind } from './worker-set.ts';
import { metricsListener } from './workers.ts';

export function findAuthority(roster: Roster, id: string): Result<Authority, string> {
	const authority = roster.authorities.find((a) => a.id === id);
	if (authority === undefined) {
		return err(`no authority "${id}" in the roster (known: ${roster.authorities.map((a) => a.id).join(', ')})`);
	}
	return ok(authority);
}

/** The authorities whose homeservers `authority` federates with, in roster order. */
export function productionPeers(roster: Roster, authority: AuthorityId): Authority[] {
	const byId = new Map(roster.authorities.map((a) => [a.id, a]));
	return homeserverPeers(roster, authority).flatMap((peer) => byId.get(peer) ?? []);
}

/** The production server names `authority` federates with, in roster order. */
export const productionWhitelist = (roster: Roster, authority: AuthorityId): string[] =>
	productionPeers(roster, authority).map((a) => a.homeserver);

const names = (workers: readonly { name: string }[]): string[] => workers.map((w) => w.name);

export function productionHomeserverConfig(roster: Roster, authority: Authority, o: ProductionOptions): Record<string, unknown> {
	const workers = productionWorkers(o);
	const persisters = workerOfKind(workers, 'event_persister');
	const media = workerOfKind(workers, 'media_repository');
	return {
		server_name: authority.homeserver,
		public_baseurl: `https://${authority.homeserver}/`,
		listeners: [
			{
				port: o.mainPort,
				bind_addresses: ['127.0.0.1'],
				type: 'http',
				tls: false,
				x_forwarded: true,
				resources: [{ names: ['client', 'federation'], compress: false }],
			},
			{ port: o.replicationPort, bind_addresses: ['127.0.0.1'], type: 'http', resources: [{ names: ['replication'] }] },
			metricsListener(o.metricsPort),
		],
		enable_metrics: true,
		database: databaseSettings(o),
		redis: { enabled: true, host: o.redisHost, port: o.redisPort, password_path: secretPath(o.configDir, 'redis_password') },
		instance_map: {
			main: { host: '127.0.0.1', port: o.replicationPort },
			...Object.fromEntries(persisters.map((w) => [w.name, { host: '127.0.0.1', port: w.replicationPort }])),
		},
		stream_writers: { events: names(persisters) },
		worker_replication_secret_path: secretPath(o.configDir, 'worker_replication_secret'),
		federation_sender_instances: names(workerOfKind(workers, 'federation_sender')),
		// NOTE: the main process then serves no media at all; nginx sends every media path to the worker.
		enable_media_repo: false,
		media_instance_running_background_jobs: media[0]?.name,
		log_config: `${o.configDir}/log.config.yaml`,
		media_store_path: `${o.dataDir}/media_store`,
		signing_key_path: secretPath(o.configDir, SIGNING_KEY),
		registration_shared_secret_path: secretPath(o.configDir, 'registration_shared_secret'),
		macaroon_secret_key_path: secretPath(o.configDir, 'macaroon_secret_key'),
		form_secret_path: secretPath(o.configDir, 'form_secret'),
		...closedFederationSettings({ federationWhitelist: productionWhitelist(roster, authority.id) }),
		...personalDataSettings(),
	};
}
