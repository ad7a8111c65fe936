// Which Synapse workers an authority runs, what each one does and which
// requests nginx hands it — the routes are the regular expressions of
// Synapse's docs/workers.md for each kind. Five workers beside the main
// process, one per kind the issue names; on a small host (2 cores) one of
// each is the useful split: the sync and room reads, inbound federation and
// media each get a process, and event persistence and outbound federation
// leave the main process (docs/decisions.md, "Production workers").
// Everything not routed here goes to the main process. Pure.
import type { ProductionOptions } from './options.ts';

export type WorkerKind = 'client_reader' | 'federation_inbound' | 'media_repository' | 'event_persister' | 'federation_sender';

export interface WorkerSpec {
	readonly name: string;
	readonly kind: WorkerKind;
	/** Synapse's entry point (worker_app). */
	readonly app: 'synapse.app.generic_worker' | 'synapse.app.media_repository';
	readonly purpose: string;
	/** Its HTTP listener behind nginx, and the resources it serves there. */
	readonly http?: { readonly port: number; readonly resources: readonly string[] };
	/** Its replication listener, for stream writers (in instance_map). */
	readonly replicationPort?: number;
	/** Its Prometheus listener (loopback). */
	readonly metricsPort: number;
	/** Request paths (nginx regular expressions) nginx sends it. */
	readonly routes: readonly string[];
}

const CLIENT = '^/_matrix/client/(api/v1|r0|v3|unstable)';

/** Synapse's workers.md, "synapse.app.generic_worker": sync, room reads and event sending, keys. */
export const CLIENT_READER_ROUTES: readonly string[] = [
	'^/_matrix/client/(r0|v3)/sync$',
	'^/_matrix/client/(api/v1|r0|v3)/events$',
	'^/_matrix/client/(api/v1|r0|v3)/initialSync$',
	'^/_matrix/client/(api/v1|r0|v3)/rooms/[^/]+/initialSync$',
	`${CLIENT}/rooms/[^/]+/(messages|context/.*|members|joined_members|state|event/.*|relations/.*|timestamp_to_event)`,
	`${CLIENT}/rooms/[^/]+/(send|state|redact)/`,
	`${CLIENT}/rooms/[^/]+/(join|invite|leave|ban|unban|kick)$`,
	`${CLIENT}/join/`,
	`${CLIENT}/joined_rooms$`,
	'^/_matrix/client/(r0|v3|unstable)/keys/(query|changes|claim)$',
	'^/_matrix/client/(r0|v3|unstable)/room_keys/',
	'^/_matrix/client/v1/rooms/[^/]+/hierarchy$',
];

/** Synapse's workers.md, "Federation requests" and "Inbound federation transaction request". */
export const FEDERATION_INBOUND_ROUTES: readonly string[] = [
	'^/_matrix/federation/v1/send/',
	'^/_matrix/federation/v1/(event|state|state_ids|backfill|get_missing_events|query|make_join|make_leave|make_knock|event_auth|timestamp_to_event|query_auth|hierarchy)/',
	'^/_matrix/federation/(v1|v2)/(send_join|send_leave|send_knock|invite)/',
	'^/_matrix/federation/v1/user/devices/',
	'^/_matrix/key/v2/query',
];

/** Synapse's workers.md, "synapse.app.media_repository" (the admin ones are inside the host-only admin location). */
export const MEDIA_ROUTES: readonly string[] = ['^/_matrix/media/', '^/_matrix/client/v1/media/', '^/_matrix/federation/v1/media/'];

export const MEDIA_ADMIN_ROUTE =
	'^/_synapse/admin/v1/(purge_media_cache|(room|user)/.*/media.*|media/.*|quarantine_media/.*|users/.*/media)$';

export function productionWorkers(o: ProductionOptions): readonly WorkerSpec[] {
	return [
		{
			name: 'client_reader1',
			kind: 'client_reader',
			app: 'synapse.app.generic_worker',
			purpose: 'client reads: /sync, room history and state, event sending, key queries',
			http: { port: o.mainPort + 1, resources: ['client'] },
			metricsPort: o.metricsPort + 1,
			routes: CLIENT_READER_ROUTES,
		},
		{
			name: 'federation_inbound1',
			kind: 'federation_inbound',
			app: 'synapse.app.generic_worker',
			purpose: 'inbound federation: transactions, joins, backfill, key queries',
			http: { port: o.mainPort + 2, resources: ['federation'] },
			metricsPort: o.metricsPort + 2,
			routes: FEDERATION_INBOUND_ROUTES,
		},
		{
			name: 'media_repository1',
			kind: 'media_repository',
			app: 'synapse.app.media_repository',
			purpose: 'the media repository: uploads, downloads, thumbnails, its background jobs',
			http: { port: o.mainPort + 3, resources: ['media'] },
			metricsPort: o.metricsPort + 3,
			routes: MEDIA_ROUTES,
		},
		{
			name: 'event_persister1',
			kind: 'event_persister',
			app: 'synapse.app.generic_worker',
			purpose: 'the events stream writer: persists every event',
			replicationPort: o.replicationPort + 1,
			metricsPort: o.metricsPort + 4,
			routes: [],
		},
		{
			name: 'federation_sender1',
			kind: 'federation_sender',
			app: 'synapse.app.generic_worker',
			purpose: 'outbound federation',
			metricsPort: o.metricsPort + 5,
			routes: [],
		},
	];
}

export const workerOfKind = (workers: readonly WorkerSpec[], kind: WorkerKind): WorkerSpec[] => workers.filter((w) => w.kind === kind);
