// Where an authority's production Synapse keeps things and listens. The
// defaults suit a Debian host with PostgreSQL (peer authentication over its
// Unix socket, so no password in any file), Redis and nginx on the same machine.

export interface ProductionOptions {
	readonly configDir: string;
	readonly dataDir: string;
	readonly logDir: string;
	/** PostgreSQL: a Unix socket directory or a host name. */
	readonly databaseHost: string;
	readonly databaseName: string;
	readonly databaseUser: string;
	readonly redisHost: string;
	readonly redisPort: number;
	/** The main process's HTTP listener (client + federation), behind the reverse proxy. */
	readonly mainPort: number;
	/** The main process's replication listener, for the workers. */
	readonly replicationPort: number;
	/** The generic worker's HTTP listener, behind the reverse proxy. */
	readonly genericWorkerPort: number;
	/** TLS certificate and key the reverse proxy presents (a public CA's, e.g. from ACME). */
	readonly tlsCertificate: string;
	readonly tlsCertificateKey: string;
}

export const DEFAULT_PRODUCTION_OPTIONS: ProductionOptions = {
	configDir: '/etc/matrix-synapse',
	dataDir: '/var/lib/matrix-synapse',
	logDir: '/var/log/matrix-synapse',
	databaseHost: '/var/run/postgresql',
	databaseName: 'synapse',
	databaseUser: 'synapse',
	redisHost: '127.0.0.1',
	redisPort: 6379,
	mainPort: 8008,
	replicationPort: 9093,
	genericWorkerPort: 8083,
	tlsCertificate: '/etc/ssl/rogatory/fullchain.pem',
	tlsCertificateKey: '/etc/ssl/rogatory/privkey.pem',
};

export const GENERIC_WORKER = 'generic_worker1';
export const FEDERATION_SENDER = 'federation_sender1';
