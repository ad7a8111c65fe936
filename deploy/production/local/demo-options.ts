// Where the local production run (run.ts) puts one demo authority: its own
// loopback address for nginx (the only thing a client or peer talks to, as
// on a real host), Synapse's, Redis's and PostgreSQL's ports on 127.0.0.1
// chosen clear of the local federations' (deploy/config/profiles.ts), and
// every file under one folder instead of /etc and /var (PostgreSQL's socket
// excepted: postgres.ts). Pure.
import { join } from 'node:path';
import { DEFAULT_PRODUCTION_OPTIONS, type ProductionOptions } from '../options.ts';

/** nginx's address: no local federation profile uses 127.0.70.x. */
export const DEMO_ADDRESS = '127.0.70.1';
export const DEMO_POSTGRES_PORT = 47432;

export function productionDemoOptions(dir: string, python: string): ProductionOptions {
	const etc = join(dir, 'etc');
	return {
		...DEFAULT_PRODUCTION_OPTIONS,
		configDir: etc,
		dataDir: join(dir, 'var'),
		logDir: join(dir, 'log'),
		databasePort: DEMO_POSTGRES_PORT,
		redisPort: 47379,
		redisDir: join(dir, 'redis'),
		redisRequirepassFile: join(etc, 'secrets', 'redis_requirepass.conf'),
		mainPort: 47008,
		replicationPort: 47093,
		metricsPort: 47101,
		tlsCertificate: join(dir, 'tls', 'cert.pem'),
		tlsCertificateKey: join(dir, 'tls', 'key.pem'),
		listenAddress: DEMO_ADDRESS,
		rogatoryConfigDir: join(etc, 'rogatory'),
		synapsePython: python,
		webPort: 47300,
	};
}
