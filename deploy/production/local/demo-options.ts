// Where the local production run (run.ts) puts one demo authority: its own
// loopback address for nginx (the only thing a client or peer talks to, as
// on a real host), Synapse's, Redis's, the web app's and the bridge's health
// ports on 127.0.0.1
// chosen clear of the local federations' (deploy/config/profiles.ts) and
// below Linux's ephemeral range (NOTE at productionDemoOptions), and
// every file under one folder instead of /etc and /var (PostgreSQL's socket
// excepted: postgres.ts), Rogatory run from this checkout with this Node (`run`), the
// web app's host a name of the reserved .invalid domain (demoWebUrl: nginx's
// certificate names it, and a client maps it to nginx's address), and server names that reach it and its peers here
// (localServerNames). Pure.
import { join } from 'node:path';
import type { Roster } from '../../../policies/roster/types.ts';
import { DEFAULT_PRODUCTION_OPTIONS, type ProductionOptions } from '../options.ts';

/** nginx's address: no local federation profile uses 127.0.70.x. */
export const DEMO_ADDRESS = '127.0.70.1';
/** The bridge's /health on 127.0.0.1 (the site's bridge.health_port in the run's copy). */
export const DEMO_BRIDGE_HEALTH_PORT = 24110;

/** The web app's public URL: nginx serves it on DEMO_ADDRESS under this host name. */
export const demoWebUrl = (authority: string): URL => new URL(`https://rogatory.${authority}.demo.invalid`);

/** PostgreSQL's: its socket's name only (the cluster listens on no TCP port: postgres.ts). */
export const DEMO_POSTGRES_PORT = 47432;

/**
 * NOTE: every TCP port the run listens on at 127.0.0.1 is below 32768. Every
 * loopback connection on this machine leaves from 127.0.0.1 (the local
 * route's src) on a port of Linux's ephemeral range, 32768–60999
 * (net.ipv4.ip_local_port_range); a listener on a port in that range cannot
 * bind while such a connection, or its TIME_WAIT, holds it ("Address already
 * in use"). With the local federations' tests running beside it, the main
 * process once failed to start so on 47008.
 */
export function productionDemoOptions(
	dir: string,
	run: { readonly python: string; readonly checkout: string; readonly node: string },
): ProductionOptions {
	const etc = join(dir, 'etc');
	return {
		...DEFAULT_PRODUCTION_OPTIONS,
		configDir: etc,
		dataDir: join(dir, 'var'),
		logDir: join(dir, 'log'),
		databasePort: DEMO_POSTGRES_PORT,
		redisPort: 24379,
		redisDir: join(dir, 'redis'),
		redisRequirepassFile: join(etc, 'secrets', 'redis_requirepass.conf'),
		mainPort: 24008,
		replicationPort: 24093,
		metricsPort: 24101,
		tlsCertificate: join(dir, 'tls', 'cert.pem'),
		tlsCertificateKey: join(dir, 'tls', 'key.pem'),
		listenAddress: DEMO_ADDRESS,
		rogatoryConfigDir: join(etc, 'rogatory'),
		synapsePython: run.python,
		rogatoryDir: run.checkout,
		nodeBinary: run.node,
		webPort: 24300,
	};
}

/**
 * The roster with the server names of this machine: the demo authority's is
 * nginx's address (an IP literal, so peers go to its port 8448 with no
 * delegation to look up, as they do to each other locally), each peer's the
 * one its development homeserver runs under (`peers`, authority → server
 * name); the others keep their production names, which nothing here reaches.
 * As the local federation maps names (docs/decisions.md), the roster's
 * authorities and networks stay as they are.
 */
export function localServerNames(roster: Roster, authority: string, peers: Readonly<Record<string, string>>): Roster {
	const names: Readonly<Record<string, string>> = { ...peers, [authority]: DEMO_ADDRESS };
	return { ...roster, authorities: roster.authorities.map((a) => ({ ...a, homeserver: names[a.id] ?? a.homeserver })) };
}
