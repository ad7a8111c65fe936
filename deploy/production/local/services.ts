// The local production run's services, started on an installation's files
// as they are (the generator's, or a restore's): Redis, Synapse's main
// process, its workers and nginx, then, when asked, the bridge and the web
// app from their units (rogatory-services.ts), supervised (supervisor.ts)
// and stopped together — what `systemctl start matrix-synapse.target`,
// nginx's unit and the Rogatory units do on a real host. Nothing here writes the installation: it only makes the
// empty folders the services write into (data, logs, Redis's), as the
// units' StateDirectory= and LogsDirectory= do. PostgreSQL is not one of
// them: it is the machine's (postgres.ts), and runs on while these stop.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { NGINX, REDIS } from '../../process/debian-packages.ts';
import { run } from '../../process/run.ts';
import type { ProductionOptions } from '../options.ts';
import { productionWorkers } from '../worker-set.ts';
import { DEMO_ADDRESS } from './demo-options.ts';
import { pythonEnv } from './python-env.ts';
import { startRogatoryServices, type RogatoryServicesRequest } from './rogatory-services.ts';
import { running, Supervisor } from './supervisor.ts';
import { waitFor } from './wait.ts';

export interface RunningServices {
	/** The pid of each running process, by name (main, each worker, redis, nginx). */
	pids(): Record<string, number | undefined>;
	stop(): Promise<void>;
}

export interface ServicesRequest {
	readonly options: ProductionOptions;
	/** The run's folder: nginx's top-level configuration and pid file go there. */
	readonly dir: string;
	readonly serverName: string;
	/** The CA that issued nginx's certificate (PEM), to check that nginx answers over verified TLS. */
	readonly caCert: string;
	readonly log: (line: string) => void;
	/** The bridge and the web app too, from their units; left out, Synapse and nginx only (tests that bring their own bridges). */
	readonly rogatory?: Pick<RogatoryServicesRequest, 'caCertPath' | 'bridgeHealthPort' | 'adminTokenFile'>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The run's own Synapse settings file, beside homeserver.yaml (run.ts writes it). */
export const localFederationYaml = (o: ProductionOptions): string => join(o.configDir, 'local-federation.yaml');

export async function startServices(request: ServicesRequest): Promise<Result<RunningServices, string>> {
	const { options: o, log } = request;
	const python = o.synapsePython;
	for (const folder of [o.dataDir, o.logDir, o.redisDir]) mkdirSync(folder, { recursive: true, mode: 0o700 });
	const supervisor = new Supervisor(log);
	const fail = async (reason: string): Promise<Result<RunningServices, string>> => {
		await supervisor.stopAll(5_000);
		return err(reason);
	};
	const homeserverYaml = join(o.configDir, 'homeserver.yaml');
	const localYaml = localFederationYaml(o);
	const start = (name: string, command: string, args: readonly string[], env?: NodeJS.ProcessEnv) => {
		const child = supervisor.start({
			name,
			command,
			args,
			cwd: o.dataDir,
			logFile: join(o.logDir, `${name}.out`),
			...(env ? { env } : {}),
		});
		return () => running(child);
	};

	log('starting Redis');
	const redisAlive = start('redis', REDIS.path, [join(o.rogatoryConfigDir, 'redis.conf')]);
	for (let i = 0; i < 40 && redisAlive(); i++) {
		const ping = await run('redis-cli', [
			'-p',
			String(o.redisPort),
			'--no-auth-warning',
			'-a',
			readFileSync(join(o.configDir, 'secrets', 'redis_password'), 'utf8').trim(),
			'ping',
		]);
		if (ping.stdout.trim() === 'PONG') break;
		await sleep(250);
	}

	log('starting Synapse’s main process (its first start creates the schema: a minute or so)');
	const mainAlive = start(
		'main',
		python,
		['-m', 'synapse.app.homeserver', '--config-path', homeserverYaml, '--config-path', localYaml],
		pythonEnv(),
	);
	const main = await waitFor('Synapse’s main process', `http://127.0.0.1:${o.mainPort}/health`, 300, mainAlive);
	if (!main.ok) return fail(`${main.error} (its log: ${join(o.logDir, 'main.out')} and homeserver.log)`);
	for (const worker of productionWorkers(o)) {
		log(`starting worker ${worker.name}`);
		const alive = start(
			worker.name,
			python,
			[
				'-m',
				'synapse.app.generic_worker',
				'--config-path',
				homeserverYaml,
				'--config-path',
				localYaml,
				'--config-path',
				join(o.configDir, 'workers', `${worker.name}.yaml`),
			],
			pythonEnv(),
		);
		const ready = await waitFor(`worker ${worker.name}`, `http://127.0.0.1:${worker.metricsPort}/metrics`, 120, alive);
		if (!ready.ok) return fail(`${ready.error} (its log: ${join(o.logDir, `${worker.name}.out`)} and ${worker.name}.log)`);
	}

	log(`starting nginx on ${DEMO_ADDRESS}`);
	const nginxConf = join(request.dir, 'nginx.conf');
	writeFileSync(
		nginxConf,
		`pid ${join(request.dir, 'nginx.pid')};
error_log ${join(o.logDir, 'nginx-error.log')};
events {}
http {
	include /etc/nginx/mime.types;
	access_log ${join(o.logDir, 'nginx-access.log')};
	include ${join(o.configDir, 'nginx', `${request.serverName}.conf`)};
}
`,
	);
	const nginxAlive = start('nginx', NGINX.path, ['-p', request.dir, '-c', nginxConf, '-g', 'daemon off;']);
	const baseUrl = `https://${DEMO_ADDRESS}`;
	const proxied = await waitFor('nginx', `${baseUrl}/_matrix/client/versions`, 30, nginxAlive, request.caCert);
	if (!proxied.ok) return fail(`${proxied.error} (its log: ${join(o.logDir, 'nginx-error.log')})`);
	if (request.rogatory !== undefined) {
		const rogatory = await startRogatoryServices({
			...request.rogatory,
			options: o,
			log,
			start: (name, command, args, cwd, env) => {
				const child = supervisor.start({ name, command, args, cwd, env, logFile: join(o.logDir, `${name}.out`) });
				return () => running(child);
			},
		});
		if (!rogatory.ok) return fail(rogatory.error);
	}
	return ok({ pids: () => supervisor.pids(), stop: () => supervisor.stopAll() });
}
