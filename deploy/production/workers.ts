// The config file of each worker of worker-set.ts. Each runs as
// `python -m <worker_app> --config-path homeserver.yaml --config-path workers/<name>.yaml`
// (systemd.ts): the shared settings come from homeserver.yaml, these add the
// worker's name, its listeners (all on loopback) and its log config.
import type { ProductionOptions } from './options.ts';
import type { WorkerSpec } from './worker-set.ts';

export const metricsListener = (port: number): Record<string, unknown> => ({ type: 'metrics', port, bind_addresses: ['127.0.0.1'] });

export function workerConfig(worker: WorkerSpec, o: ProductionOptions): Record<string, unknown> {
	const listeners: Record<string, unknown>[] = [];
	if (worker.http !== undefined)
		listeners.push({
			type: 'http',
			port: worker.http.port,
			bind_addresses: ['127.0.0.1'],
			x_forwarded: true,
			resources: [{ names: [...worker.http.resources], compress: false }],
		});
	if (worker.replicationPort !== undefined)
		listeners.push({ type: 'http', port: worker.replicationPort, bind_addresses: ['127.0.0.1'], resources: [{ names: ['replication'] }] });
	listeners.push(metricsListener(worker.metricsPort));
	return {
		worker_app: worker.app,
		worker_name: worker.name,
		worker_listeners: listeners,
		worker_log_config: `${o.configDir}/workers/${worker.name}.log.config.yaml`,
	};
}
