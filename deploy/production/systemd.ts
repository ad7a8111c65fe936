// The systemd units of an authority's installation: Synapse's main process
// and a template for its workers grouped under matrix-synapse.target (the
// layout of Synapse's docs/systemd-with-workers), Redis for the workers, the
// web app (adapter-node, web/server.ts) and the bridge. Each restarts on
// failure, runs as its own unprivileged user, and sees the file system
// read-only but for the folders it writes. Pure.
import type { ProductionOptions } from './options.ts';
import type { WorkerSpec } from './worker-set.ts';

const HARDENING = `NoNewPrivileges=yes
PrivateTmp=yes
PrivateDevices=yes
ProtectSystem=strict
ProtectHome=yes
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectControlGroups=yes
RestrictSUIDSGID=yes
LockPersonality=yes`;

export interface SystemdInput {
	readonly workers: readonly WorkerSpec[];
	/** Folders the web app and the bridge write (the site's data, register, sessions and secrets). */
	readonly rogatoryWritable: readonly string[];
}

export function synapseMainUnit(o: ProductionOptions): string {
	return `[Unit]
Description=Synapse main process
PartOf=matrix-synapse.target
After=network-online.target postgresql.service rogatory-redis.service
Wants=network-online.target
Requires=rogatory-redis.service

[Service]
Type=notify
NotifyAccess=main
User=${o.synapseUser}
Group=${o.synapseUser}
WorkingDirectory=${o.dataDir}
EnvironmentFile=${o.rogatoryConfigDir}/env/synapse.env
ExecStart=${o.synapsePython} -m synapse.app.homeserver --config-path=${o.configDir}/homeserver.yaml
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=3
SyslogIdentifier=matrix-synapse
${HARDENING}
ReadWritePaths=${o.dataDir} ${o.logDir}

[Install]
WantedBy=matrix-synapse.target
`;
}

export function synapseWorkerUnit(o: ProductionOptions): string {
	return `[Unit]
Description=Synapse worker %i
PartOf=matrix-synapse.target
After=matrix-synapse.service
Requires=matrix-synapse.service

[Service]
Type=notify
NotifyAccess=main
User=${o.synapseUser}
Group=${o.synapseUser}
WorkingDirectory=${o.dataDir}
EnvironmentFile=${o.rogatoryConfigDir}/env/synapse.env
ExecStart=${o.synapsePython} -m synapse.app.generic_worker --config-path=${o.configDir}/homeserver.yaml --config-path=${o.configDir}/workers/%i.yaml
ExecReload=/bin/kill -HUP $MAINPID
Restart=always
RestartSec=3
SyslogIdentifier=matrix-synapse-%i
${HARDENING}
ReadWritePaths=${o.dataDir} ${o.logDir}

[Install]
WantedBy=matrix-synapse.target
`;
}

export function synapseTarget(workers: readonly WorkerSpec[]): string {
	const units = ['matrix-synapse.service', ...workers.map((w) => `matrix-synapse-worker@${w.name}.service`)].join(' ');
	return `[Unit]
Description=Synapse and its workers
Wants=${units}

[Install]
WantedBy=multi-user.target
`;
}

export function redisUnit(o: ProductionOptions): string {
	return `[Unit]
Description=Redis for Synapse's workers (loopback only)
After=network.target

[Service]
Type=notify
User=${o.redisUser}
Group=${o.redisUser}
ExecStart=/usr/bin/redis-server ${o.rogatoryConfigDir}/redis.conf
Restart=on-failure
StateDirectory=rogatory-redis
${HARDENING}
ReadWritePaths=${o.redisDir}

[Install]
WantedBy=multi-user.target
`;
}

function rogatoryUnit(o: ProductionOptions, what: string, env: string, command: string, writable: readonly string[]): string {
	return `[Unit]
Description=Rogatory ${what}
After=network-online.target matrix-synapse.target
Wants=network-online.target

[Service]
Type=simple
User=${o.rogatoryUser}
Group=${o.rogatoryUser}
UMask=0077
WorkingDirectory=${o.rogatoryDir}
EnvironmentFile=${o.rogatoryConfigDir}/env/${env}
ExecStart=${command}
Restart=on-failure
RestartSec=5
${HARDENING}
ReadWritePaths=${writable.join(' ')}

[Install]
WantedBy=multi-user.target
`;
}

export const webUnit = (o: ProductionOptions, input: SystemdInput): string =>
	rogatoryUnit(o, 'web app', 'web.env', `${o.nodeBinary} ${o.rogatoryDir}/web/server.ts`, input.rogatoryWritable);

export const bridgeUnit = (o: ProductionOptions, input: SystemdInput): string =>
	rogatoryUnit(
		o,
		'bridge',
		'bridge.env',
		`${o.nodeBinary} ${o.rogatoryDir}/bridge/bot/main.ts ${o.rogatoryConfigDir}/bridge/config.json`,
		input.rogatoryWritable,
	);
