// Where everything of a local homeserver lives inside its data folder
// (.data/<profile>/<id>/). One place, so the config generator, the
// supervisor and the provisioning agree on file names.
import { join } from 'node:path';

export interface HomeserverFiles {
	readonly dir: string;
	readonly config: string;
	readonly logConfig: string;
	/** Synapse's own log (the log config points here). */
	readonly log: string;
	/** What the process prints before its logging is set up (config errors, tracebacks). */
	readonly console: string;
	readonly database: string;
	readonly mediaStore: string;
	readonly signingKey: string;
	readonly tlsCert: string;
	readonly tlsKey: string;
	readonly pid: string;
	readonly registrationSecret: string;
	readonly macaroonSecret: string;
	readonly formSecret: string;
	/** Demo and admin passwords, generated once (JSON). */
	readonly passwords: string;
	/** The admin account's access token, for the web server's offboarding (site file homeserver.admin_token_file). */
	readonly adminToken: string;
}

export function homeserverFiles(dir: string): HomeserverFiles {
	const secrets = join(dir, 'secrets');
	return {
		dir,
		config: join(dir, 'homeserver.yaml'),
		logConfig: join(dir, 'log.config.yaml'),
		log: join(dir, 'homeserver.log'),
		console: join(dir, 'console.log'),
		database: join(dir, 'homeserver.db'),
		mediaStore: join(dir, 'media_store'),
		signingKey: join(dir, 'signing.key'),
		tlsCert: join(dir, 'tls.crt'),
		tlsKey: join(dir, 'tls.key'),
		pid: join(dir, 'synapse.pid'),
		registrationSecret: join(secrets, 'registration_shared_secret'),
		macaroonSecret: join(secrets, 'macaroon_secret_key'),
		formSecret: join(secrets, 'form_secret'),
		passwords: join(secrets, 'passwords.json'),
		adminToken: join(secrets, 'admin-token'),
	};
}

export interface ProfileFiles {
	readonly dir: string;
	readonly caDir: string;
	readonly addresses: string;
	readonly description: string;
	readonly lock: string;
}

export function profileFiles(root: string, profile: string): ProfileFiles {
	const dir = join(root, '.data', profile);
	return {
		dir,
		caDir: join(dir, 'ca'),
		addresses: join(dir, 'addresses.json'),
		description: join(dir, 'federation.json'),
		lock: join(dir, 'supervisor.lock'),
	};
}

export function homeserverDir(root: string, profile: string, id: string): string {
	return join(profileFiles(root, profile).dir, id);
}
