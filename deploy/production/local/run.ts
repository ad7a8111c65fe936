// The local production run: one demo authority's production installation —
// the generator's files, unchanged but for where they live (demo-options.ts)
// — started on this machine: PostgreSQL (a cluster of its own, postgres.ts),
// Redis, Synapse's main process and its five workers, nginx on the
// authority's own loopback address with a certificate from a CA made for the
// run, and the bridge and the web app from their units (services.ts,
// rogatory-services.ts; `rogatory: false` leaves those two out), all stopped
// by stop(). The web app is the checkout's build (build/index.js: `npm test`
// and `rogatory production-demo` build it first). The services stop and start
// again on the installation's files as they are then (stopServices,
// startServices: a backup and restore between the two, say) while PostgreSQL,
// the machine's, runs on. On a real host systemd runs the same files
// (README.md). Installs nginx and Redis from Debian when missing (as root).
// The run's folder is started afresh. For a move off SQLite (awaitingMove),
// it stops before the signing key and the services: the move brings the key
// and fills the database, then startServices() starts them.
// Given development homeservers to federate with (`federation`: the `peers`
// profile's), its certificate comes from their CA and it trusts that CA, and
// the names in its files are theirs and its own address (localServerNames):
// it federates with them over verified TLS through nginx's 8448. The one
// Synapse setting the run adds to the generator's files is for that, in a
// file of its own (local-federation.yaml): the CA, and outbound requests to
// loopback allowed. Likewise the run's copy of the site file names the web
// app's host (demoWebUrl) and the bridge's health port, and the bridge's
// config maps the server names of this machine to their authorities.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import { issueCertificates } from '../../certs/certificates.ts';
import { LOCAL_BLOCKLIST, LOOPBACK_V4 } from '../../config/ip-ranges.ts';
import type { LocalHomeserver } from '../../local/types.ts';
import { ensureDebianPrograms, NGINX, REDIS } from '../../process/debian-packages.ts';
import { lastLines, run } from '../../process/run.ts';
import { writeDemoDeployment } from '../../roster/demo-deployment.ts';
import { loadDeployment } from '../../roster/load.ts';
import { ensureProductionSynapse } from '../../synapse/production-install.ts';
import { BRIDGE_CONFIG, ensureBridgeConfig } from '../bridge-config.ts';
import { generateProductionFiles } from '../generate.ts';
import type { ProductionOptions } from '../options.ts';
import { ensureProductionSecrets } from '../write-secrets.ts';
import { stringify } from 'yaml';
import {
	DEMO_ADDRESS,
	DEMO_BRIDGE_HEALTH_PORT,
	DEMO_POSTGRES_PORT,
	demoWebUrl,
	localServerNames,
	productionDemoOptions,
} from './demo-options.ts';
import { runSite, serverNames, withClientUrls, withServerNames } from './run-files.ts';
import { runSql, startLocalPostgres, stopLocalPostgres, type LocalPostgres } from './postgres.ts';
import { pythonEnv } from './python-env.ts';
import { localFederationYaml, startServices, type RunningServices } from './services.ts';
import { running } from './supervisor.ts';

export interface ProductionDemo {
	/** The homeserver's public base URL, through nginx: https://127.0.70.1 */
	readonly baseUrl: string;
	/** The web app's public URL (nginx, on the same address, under the host name): undefined when it is not run. */
	readonly webUrl: URL | undefined;
	/** The bridge's site file, with its register and secrets paths (the run's copy of the demo's). */
	readonly sitePath: string;
	/** The bridge service: its account, its register (the site's path) and its /health; undefined when it is not run. */
	readonly bridge:
		| {
				readonly userId: string;
				readonly registerFile: string;
				/** Server name → authority, as its config maps them. */
				readonly servers: Readonly<Record<string, string>>;
				readonly healthUrl: string;
		  }
		| undefined;
	/** The run's CA certificate (PEM), to verify nginx's certificate. */
	readonly caCert: string;
	readonly serverName: string;
	readonly options: ProductionOptions;
	/** The homeserver as the local tools and tests see one (its registration secret is in the generated secrets/). */
	readonly homeserver: LocalHomeserver;
	/** The run's PostgreSQL cluster (the database's superuser signs in over its socket). */
	readonly postgres: LocalPostgres;
	/**
	 * The pid of each running process, by name (postgres, main, each worker, redis, nginx; none of the services while
	 * they are stopped): what an exit hook signals.
	 */
	pids(): Record<string, number | undefined>;
	/** Stops Synapse, its workers, Redis and nginx; PostgreSQL runs on. */
	stopServices(): Promise<void>;
	/** Starts them again on the installation's files and database as they are now. */
	startServices(): Promise<Result<void, string>>;
	/** Stops everything, PostgreSQL too, and removes its cluster. */
	stop(): Promise<void>;
}

/** The development homeservers the run federates with. */
export interface DemoFederation {
	/** Their CA's folder (ca.crt, ca.key): it issues the run's certificate too, and both sides trust it. */
	readonly caDir: string;
	/** Authority id → the server name of its development homeserver. */
	readonly peers: Readonly<Record<string, string>>;
	/** Authority id → its development homeserver's client URL (the web app's proxy goes there, not to https://<server name>). */
	readonly clientUrls: Readonly<Record<string, string>>;
}

export interface ProductionDemoRequest {
	readonly root: string;
	/** The run's folder: removed and made again. */
	readonly dir: string;
	readonly authority?: string;
	readonly federation?: DemoFederation;
	/**
	 * The installation and its empty database only, for a move off SQLite to fill (deploy/production/move/): no signing
	 * key is made (the moved server's comes) and no service starts until startServices().
	 */
	readonly awaitingMove?: boolean;
	/** The bridge and the web app as services (the default); false for tests that run bridges of their own. */
	readonly rogatory?: boolean;
	readonly log?: (line: string) => void;
}

export async function startProductionDemo(request: ProductionDemoRequest): Promise<Result<ProductionDemo, string>> {
	const log = request.log ?? (() => {});
	const authority = request.authority ?? 'gt-mp';
	const packages = await ensureDebianPrograms([NGINX, REDIS], log);
	if (!packages.ok) return packages;
	const synapse = await ensureProductionSynapse(request.root, log);
	if (!synapse.ok) return synapse;
	const python = synapse.value.python;
	const dir = request.dir;
	const withRogatory = request.rogatory ?? true;
	const checkout = request.root;
	if (withRogatory && !existsSync(join(checkout, 'build', 'index.js')))
		return err(
			`the web app is not built (${join(checkout, 'build', 'index.js')} is missing): build it first (npm start does), or run without it`,
		);
	const webUrl = demoWebUrl(authority);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true, mode: 0o700 });

	const certs = await issueCertificates(python, {
		ca: { dir: request.federation?.caDir ?? join(dir, 'ca'), name: 'Rogatory production demo CA' },
		servers: [{ dir: join(dir, 'tls'), ip: DEMO_ADDRESS, dns: [webUrl.hostname] }],
	});
	if (!certs.ok) return certs;
	const server = certs.value.servers[0];
	if (server === undefined) return err('make_certs.py issued no certificate');
	log('starting PostgreSQL (a cluster of the run’s own)');
	const pg = await startLocalPostgres(DEMO_POSTGRES_PORT, join(dir, 'postgres.log'));
	if (!pg.ok) return pg;
	const stopPostgres = () => stopLocalPostgres(pg.value);
	const fail = async (reason: string): Promise<Result<ProductionDemo, string>> => {
		await stopPostgres();
		return err(reason);
	};
	const o: ProductionOptions = {
		...productionDemoOptions(dir, { python, checkout, node: process.execPath }),
		tlsCertificate: server.cert,
		tlsCertificateKey: server.key,
		databaseHost: pg.value.socketDir,
	};

	const files = writeDemoDeployment(join(dir, 'deployment'));
	const site = files.sites.find((p) => p.endsWith(`${authority}.site.yaml`));
	if (site === undefined) return fail(`the demo has no site for "${authority}"`);
	writeFileSync(site, runSite(readFileSync(site, 'utf8'), webUrl));
	const deployment = loadDeployment({ roster: files.roster, sites: [site] });
	if (!deployment.ok) return fail(describeErrors(deployment.error));
	const roster = localServerNames(deployment.value.runtime, authority, request.federation?.peers ?? {});
	const generated = generateProductionFiles(
		{
			roster,
			authority,
			rosterPath: files.roster,
			sitePath: site,
			webUrl: webUrl.href,
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
	const loadedSite = deployment.value.sites[0];
	if (loadedSite === undefined) return fail(`the site ${site} was not read`);
	const localpart = loadedSite.document.bridge.localpart;
	// The site's folders, owned by the services' user, 0700 (the runbook's install step 5).
	const paths = loadedSite.document.paths;
	for (const folder of [paths.data, dirname(paths.register), dirname(paths.sessions), paths.secrets])
		mkdirSync(folder, { recursive: true, mode: 0o700 });
	const bridgeConfig = ensureBridgeConfig(o.configDir, DEMO_ADDRESS, localpart);
	if (!bridgeConfig.ok) return fail(bridgeConfig.error);
	const federationFile = join(o.rogatoryConfigDir, 'federation.json');
	writeFileSync(federationFile, withClientUrls(readFileSync(federationFile, 'utf8'), request.federation?.clientUrls ?? {}));
	const bridgeConfigPath = join(o.configDir, BRIDGE_CONFIG);
	writeFileSync(bridgeConfigPath, withServerNames(readFileSync(bridgeConfigPath, 'utf8'), roster));
	for (const folder of [o.dataDir, o.logDir, o.redisDir]) mkdirSync(folder, { recursive: true, mode: 0o700 });
	const homeserverYaml = join(o.configDir, 'homeserver.yaml');
	// The run's own Synapse settings, after the generator's: only what federating with loopback peers under a private CA needs.
	const localYaml = localFederationYaml(o);
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

	if (request.awaitingMove !== true) {
		const keys = await run(python, ['-m', 'synapse.app.homeserver', '-c', homeserverYaml, '--generate-keys'], {
			cwd: o.dataDir,
			env: pythonEnv(),
		});
		if (keys.code !== 0) return fail(`Synapse could not write its signing key:\n${lastLines(keys.stderr, 8)}`);
	}

	const caCert = readFileSync(certs.value.caCert, 'utf8');
	const rogatory = withRogatory
		? {
				caCertPath: certs.value.caCert,
				bridgeHealthPort: DEMO_BRIDGE_HEALTH_PORT,
				adminTokenFile: loadedSite.document.homeserver.adminTokenFile,
			}
		: undefined;
	const startServicesAgain = () => startServices({ options: o, dir, serverName, caCert, log, ...(rogatory ? { rogatory } : {}) });
	let services: RunningServices | undefined;
	const baseUrl = `https://${DEMO_ADDRESS}`;
	if (request.awaitingMove !== true) {
		const started = await startServicesAgain();
		if (!started.ok) return fail(started.error);
		services = started.value;
		log(
			`${serverName}'s production profile answers at ${baseUrl}${withRogatory ? `; its web app at ${webUrl.href} (on ${DEMO_ADDRESS})` : ''}`,
		);
	} else log(`${serverName}'s installation and its empty database are ready for a move; its services are not started`);
	const stopServices = async () => {
		await services?.stop();
		services = undefined;
	};
	return ok({
		baseUrl,
		webUrl: withRogatory ? webUrl : undefined,
		sitePath: site,
		bridge: withRogatory
			? {
					userId: `@${localpart}:${serverName}`,
					registerFile: loadedSite.document.paths.register,
					servers: serverNames(roster),
					healthUrl: `http://127.0.0.1:${DEMO_BRIDGE_HEALTH_PORT}/health`,
				}
			: undefined,
		caCert,
		serverName,
		options: o,
		homeserver: {
			id: authority,
			serverName,
			address: DEMO_ADDRESS,
			clientUrl: baseUrl,
			federationPort: o.federationPort,
			dataDir: o.configDir,
			logPath: join(o.logDir, 'homeserver.log'),
		},
		postgres: pg.value,
		pids: () => ({ postgres: running(pg.value.child) ? pg.value.child.pid : undefined, ...(services?.pids() ?? {}) }),
		stopServices,
		startServices: async () => {
			if (services !== undefined) return err('the services run already: stop them first');
			const again = await startServicesAgain();
			if (!again.ok) return again;
			services = again.value;
			return ok(undefined);
		},
		stop: async () => {
			await stopServices();
			await stopPostgres();
		},
	});
}
