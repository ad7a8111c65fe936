// Where an authority's production installation keeps things and listens. The
// defaults suit a Debian host with PostgreSQL (peer authentication over its
// Unix socket, so no password in any file), Redis and nginx on the same
// machine, Synapse in a virtualenv and Rogatory's checkout in /opt/rogatory.
// Every Synapse and Rogatory process listens on loopback; only nginx faces
// the network (on `listenAddress` when given, else on every address).

export interface ProductionOptions {
	readonly configDir: string;
	readonly dataDir: string;
	readonly logDir: string;
	/** PostgreSQL: a Unix socket directory or a host name. */
	readonly databaseHost: string;
	/** PostgreSQL's port (also the socket's name); its default (5432) when undefined. */
	readonly databasePort: number | undefined;
	readonly databaseName: string;
	/** NOTE: the Synapse system user's name, so that PostgreSQL's peer authentication needs no mapping and no password. */
	readonly databaseUser: string;
	readonly redisHost: string;
	readonly redisPort: number;
	/** Where Redis keeps its (empty: no persistence) working directory. */
	readonly redisDir: string;
	/** The `requirepass` line, readable by the Redis user only (write-secrets.ts makes it from redis_password). */
	readonly redisRequirepassFile: string;
	/** The main process's HTTP listener (client + federation), behind the reverse proxy. */
	readonly mainPort: number;
	/** The main process's replication listener, for the workers. */
	readonly replicationPort: number;
	/** The main process's Prometheus listener; each worker's is the next one up (worker-set.ts). */
	readonly metricsPort: number;
	/** TLS certificate and key the reverse proxy presents (a public CA's, e.g. from ACME). */
	readonly tlsCertificate: string;
	readonly tlsCertificateKey: string;
	/** The address nginx listens on; undefined = every address (IPv4 and IPv6). */
	readonly listenAddress: string | undefined;
	readonly httpsPort: number;
	/** Federation's default port; the same server as httpsPort (and .well-known delegation says 443). */
	readonly federationPort: number;
	/** Rogatory's own configuration: the environment files, the federation file and the bridge's config. */
	readonly rogatoryConfigDir: string;
	/** The checkout Rogatory runs from (with the web app built: build/index.js). */
	readonly rogatoryDir: string;
	readonly nodeBinary: string;
	/** The Python of Synapse's virtualenv (with the postgres and redis extras). */
	readonly synapsePython: string;
	/** The web app (adapter-node) on loopback, behind nginx. */
	readonly webPort: number;
	readonly synapseUser: string;
	readonly rogatoryUser: string;
	readonly redisUser: string;
}

export const DEFAULT_PRODUCTION_OPTIONS: ProductionOptions = {
	configDir: '/etc/matrix-synapse',
	dataDir: '/var/lib/matrix-synapse',
	logDir: '/var/log/matrix-synapse',
	databaseHost: '/var/run/postgresql',
	databasePort: undefined,
	databaseName: 'synapse',
	databaseUser: 'matrix-synapse',
	redisHost: '127.0.0.1',
	redisPort: 6379,
	redisDir: '/var/lib/rogatory-redis',
	redisRequirepassFile: '/etc/redis/rogatory-requirepass.conf',
	mainPort: 8008,
	replicationPort: 9093,
	metricsPort: 9101,
	tlsCertificate: '/etc/ssl/rogatory/fullchain.pem',
	tlsCertificateKey: '/etc/ssl/rogatory/privkey.pem',
	listenAddress: undefined,
	httpsPort: 443,
	federationPort: 8448,
	rogatoryConfigDir: '/etc/rogatory',
	rogatoryDir: '/opt/rogatory',
	nodeBinary: '/usr/bin/node',
	synapsePython: '/opt/venvs/matrix-synapse/bin/python',
	webPort: 3000,
	synapseUser: 'matrix-synapse',
	rogatoryUser: 'rogatory',
	redisUser: 'redis',
};
