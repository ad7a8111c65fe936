// The worker configs that go with production/homeserver.ts: a generic worker
// taking sync, client reads and inbound federation off the main process, and
// a federation sender for outbound federation. Each runs as
// `python -m synapse.app.generic_worker -c homeserver.yaml -c workers/<name>.yaml`.
import { FEDERATION_SENDER, GENERIC_WORKER, type ProductionOptions } from './options.ts';

export function genericWorkerConfig(o: ProductionOptions): Record<string, unknown> {
	return {
		worker_app: 'synapse.app.generic_worker',
		worker_name: GENERIC_WORKER,
		worker_listeners: [
			{
				type: 'http',
				port: o.genericWorkerPort,
				bind_addresses: ['127.0.0.1'],
				x_forwarded: true,
				resources: [{ names: ['client', 'federation'] }],
			},
		],
		worker_log_config: `${o.configDir}/workers/${GENERIC_WORKER}.log.config.yaml`,
	};
}

export function federationSenderConfig(o: ProductionOptions): Record<string, unknown> {
	return {
		worker_app: 'synapse.app.generic_worker',
		worker_name: FEDERATION_SENDER,
		worker_log_config: `${o.configDir}/workers/${FEDERATION_SENDER}.log.config.yaml`,
	};
}
