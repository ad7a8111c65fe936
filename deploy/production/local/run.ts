// The local production run: one demo authority's production installation —
// the generator's files, unchanged but for where they live (demo-options.ts)
// — started on this machine: PostgreSQL (a cluster of its own, postgres.ts),
// Redis, Synapse's main process and its five workers, and nginx on the
// authority's own loopback address with a certificate from a CA made for the
// run, all supervised (supervisor.ts) and all stopped by stop(). On a real
// host systemd runs the same files (README.md). Installs nginx and Redis from
// Debian when missing (as root). The run's folder is started afresh.
// Given development homeservers to federate with (`federation`: the `peers`
// profile's), its certificate comes from their CA and it trusts that CA, and
// the names in its files are theirs and its own address (localServerNames):
// it federates with them over verified TLS through nginx's 8448. The one
// Synapse setting the run adds to the generator's files is for that, in a
// file of its own (local-federation.yaml): the CA, and outbound requests to
// loopback allowed.
// Not yet: the web app and the bridge (issue 15, acceptance 1).
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import { issueCertificates } from '../../certs/certificates.ts';
import { LOCAL_BLOCKLIST, LOOPBACK_V4 } from '../../config/ip-ranges.ts';
import { ensureDebianPrograms, NGINX, REDIS } from '../../process/debian-packages.ts';
import { lastLines, run } from '../../process/run.ts';
import { writeDemoDeployment } from '../../roster/demo-deployment.ts';
import { loadDeployment } from '../../roster/load.ts';
import { ensureProductionSynapse } from '../../synapse/production-install.ts';
import { generateProductionFiles } from '../generate.ts';
import type { ProductionOptions } from '../options.ts';
import { productionWorkers } from '../worker-set.ts';
import { ensureProductionSecrets } from '../write-secrets.ts';
import { stringify } from 'yaml';
import { DEMO_ADDRESS, DEMO_POSTGRES_PORT, localServerNames, productionDemoOptions } from './demo-options.ts';
import { runSql, startLocalPostgres } from './postgres.ts';
import { running, Supervisor } from './supervisor.ts';

export interface ProductionDemo {
	/** The homeserver's public base URL, through nginx: https://127.0.70.1 */
	readonly baseUrl: string;
	/** The run's CA certificate (PEM), to verify nginx's certificate. */
	readonly caCert: string;
	readonly serverName: string;
	readonly options: ProductionOptions;
	/** The pid of each running process, by name (postgres, main, each worker, redis, nginx): what an exit hook signals. */
	pids(): Record<string, number | undefined>;
	stop(): Promise<void>;
}

/** The development homeservers the run federates with. */
export interface DemoFederation {
	/** Their CA's folder (ca.crt, ca.key): it issues the run's certificate too, and both sides trust it. */
	readonly caDir: string;
	/** Authority id → the server name of its development homeserver. */
	readonly peers: Readonly<Record<string, string>>;
}

export interface ProductionDemoRequest {
	readonly root: string;
	/** The run's folder: removed and made again. */
	readonly dir: string;
	readonly authority?: string;
	readonly federation?: DemoFederation;
	readonly log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function answers(url: string, ca?: string): Promise<number | undefined> {
	return new Promise((resolve) => {
		const done = (status: number | undefined) => resolve(status);
		const request = url.startsWith('https:')
			? httpsGet(url, { ca, timeout: 2_000 }, (res) => {
					res.resume();
					done(res.statusCode);
				})
			: httpGet(url, { timeout: 2_000 }, (res) => {
					res.resume();
					done(res.statusCode);
				});
		request.on('error', () => done(undefined));
		request.on('timeout', () => request.destroy());
	});
}

async function waitFor(what: string, url: string, seconds: number, alive: () => boolean, ca?: string): Promise<Result<void, string>> {
	const deadline = Date.now() + seconds * 1000;
	while (Date.now() < deadline) {
		if (!alive()) return err(`${what} exited at start`);
		if ((await answers(url, ca)) === 200) return ok(undefined);
		await sleep(250);
	}
	return err(`${what} did not answer ${url} within ${seconds} seconds`);
}

const pythonEnv = (): NodeJS.ProcessEnv => {
	const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: '1' };
	delete env['PYTHONPATH'];
	delete env['PYTHONHOME'];
	return env;
};

export async function startProductionDemo(request: ProductionDemoRequest): Promise<Result<ProductionDemo, string>> {
	const log = request.log ?? (() => {});
	const authority = request.authority ?? 'gt-mp';
	const packages = await ensureDebianPrograms([NGINX, REDIS], log);
	if (!packages.ok) return packages;
	const synapse = await ensureProductionSynapse(request.root, log);
	if (!synapse.ok) return synapse;
	const python = synapse.value.python;
	const dir = request.dir;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true, mode: 0o700 });

	const certs = await issueCertificates(python, {
		ca: { dir: request.federation?.caDir ?? join(dir, 'ca'), name: 'Rogatory production demo CA' },
		servers: [{ dir: join(dir, 'tls'), ip: DEMO_ADDRESS }],
	});
	if (!certs.ok) return certs;
	const server = certs.value.servers[0];
	if (server === undefined) return err('make_certs.py issued no certificate');
	const supervisor = new Supervisor(log);
	log('starting PostgreSQL (a cluster of the run’s own)');
	const pg = await startLocalPostgres(DEMO_POSTGRES_PORT, join(dir, 'postgres.log'));
	if (!pg.ok) return pg;
	supervisor.adopt(pg.value.child);
	const stopPostgres = () => rmSync(pg.value.dataDir, { recursive: true, force: true });
	const fail = async (reason: string): Promise<Result<ProductionDemo, string>> => {
		await supervisor.stopAll(5_000);
		stopPostgres();
		return err(reason);
	};
	const o: ProductionOptions = {
		...productionDemoOptions(dir, python),
		tlsCertificate: server.cert,
		tlsCertificateKey: server.key,
		databaseHost: pg.value.socketDir,
	};

	const files = writeDemoDeployment(join(dir, 'deployment'));
	const site = files.sites.find((p) => p.endsWith(`${authority}.site.yaml`));
	if (site === undefined) return fail(`the demo has no site for "${authority}"`);
	const deployment = loadDeployment({ roster: files.roster, sites: [site] });
	if (!deployment.ok) return fail(describeErrors(deployment.error));
	const roster = localServerNames(deployment.value.runtime, authority, request.federation?.peers ?? {});
	const generated = generateProductionFiles(
		{
			roster,
			authority,
			rosterPath: files.roster,
			sitePath: site,
			webUrl: `https://rogatory.${authority}.demo.invalid`,
			rogatoryWritable: [join(dir, 'deployment')],
		},
		o,
	);
	if (!generated.ok) return fail(generated.error);
	for (const file of generated.value) {
		mkdirSync(dirname(join(o.configDir, file.path)), { recursive: true });
		writeFileSync(join(o.configDir, file.path), file.content);
	}
	const secrets = ensureProductionSecrets(o.configDir);
	if (!secrets.ok) return fail(secrets.error);
	for (const folder of [o.dataDir, o.logDir, o.redisDir]) mkdirSync(folder, { recursive: true, mode: 0o700 });
	const homeserverYaml = join(o.configDir, 'homeserver.yaml');
	// The run's own Synapse settings, after the generator's: only what federating with loopback peers under a private CA needs.
	const localYaml = join(o.configDir, 'local-federation.yaml');
	writeFileSync(
		localYaml,
		'# Written by deploy/production/local/run.ts: the local run’s departures from the generated files, for federation on loopback.\n' +
			stringify({
				federation_custom_ca_list: [certs.value.caCert],
				ip_range_blacklist: [...LOCAL_BLOCKLIST],
				ip_range_whitelist: [LOOPBACK_V4],
			}),
	);
	const serverName = roster.authorities.find((a) => a.id === authority)?.homeserver ?? authority;

	const created = await runSql(pg.value, join(o.configDir, 'postgresql', 'create-database.sql'));
	if (!created.ok) return fail(created.error);

	const keys = await run(python, ['-m', 'synapse.app.homeserver', '-c', homeserverYaml, '--generate-keys'], {
		cwd: o.dataDir,
		env: pythonEnv(),
	});
	if (keys.code !== 0) return fail(`Synapse could not write its signing key:\n${lastLines(keys.stderr, 8)}`);

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
	const nginxConf = join(dir, 'nginx.conf');
	writeFileSync(
		nginxConf,
		`pid ${join(dir, 'nginx.pid')};
error_log ${join(o.logDir, 'nginx-error.log')};
events {}
http {
	include /etc/nginx/mime.types;
	access_log ${join(o.logDir, 'nginx-access.log')};
	include ${join(o.configDir, 'nginx', `${serverName}.conf`)};
}
`,
	);
	const nginxAlive = start('nginx', NGINX.path, ['-p', dir, '-c', nginxConf, '-g', 'daemon off;']);
	const caCert = readFileSync(certs.value.caCert, 'utf8');
	const baseUrl = `https://${DEMO_ADDRESS}`;
	const proxied = await waitFor('nginx', `${baseUrl}/_matrix/client/versions`, 30, nginxAlive, caCert);
	if (!proxied.ok) return fail(`${proxied.error} (its log: ${join(o.logDir, 'nginx-error.log')})`);
	log(`${serverName}'s production profile answers at ${baseUrl}`);
	return ok({
		baseUrl,
		caCert,
		serverName,
		options: o,
		pids: () => ({ postgres: running(pg.value.child) ? pg.value.child.pid : undefined, ...supervisor.pids() }),
		stop: async () => {
			await supervisor.stopAll();
			stopPostgres();
		},
	});
}
