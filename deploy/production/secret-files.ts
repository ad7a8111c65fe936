// The secret files an authority's production Synapse reads, all in
// `<configDir>/secrets/` (0700, each file 0600, owned by the Synapse user):
// none is ever written into a config file. Pure: names and paths only;
// write-secrets.ts creates the missing ones.

/** Random strings the generator creates when missing (deploy/production/cli.ts). */
export const GENERATED_SECRETS = [
	'registration_shared_secret',
	'macaroon_secret_key',
	'form_secret',
	// The main process and the workers authenticate replication requests with it.
	'worker_replication_secret',
	// Redis's `requirepass` (deploy/README.md): any local process can reach 127.0.0.1:6379.
	'redis_password',
] as const;

export type GeneratedSecret = (typeof GENERATED_SECRETS)[number];

/** Synapse writes this one itself on first start (`--generate-keys`). */
export const SIGNING_KEY = 'signing.key';

export const SECRETS_DIR = 'secrets';

/** Redis's `requirepass <redis_password>` line, for redis.conf's include (Redis cannot read a bare secret file). */
export const REDIS_REQUIREPASS = 'redis_requirepass.conf';

export function secretPath(configDir: string, name: GeneratedSecret | typeof SIGNING_KEY): string {
	return `${configDir}/${SECRETS_DIR}/${name}`;
}
