// What a backup holds and where each part lives on the machine, read from
// the installation's own files: Synapse's homeserver.yaml (its database,
// media store and signing key) and its configuration folder, Rogatory's
// configuration folder, and the site file's paths (the bridge's register and
// secrets, the web server's sessions). Nothing here is a fixed path. Pure.
import { err, ok, type Result } from '../../../policies/result.ts';

export interface DatabaseTarget {
	/** A Unix socket folder or a host name. */
	readonly host: string;
	readonly port: number | undefined;
	readonly name: string;
	readonly user: string;
}

export type PartKind =
	/** A folder, copied whole (its files' modes kept). */
	| 'tree'
	/** An SQLite database, copied with SQLite's online backup so a running writer leaves it consistent. */
	| 'sqlite';

export interface Part {
	/** The part's folder or file name inside the backup. */
	readonly name: string;
	readonly kind: PartKind;
	/** Where it lives on the machine. */
	readonly source: string;
}

export interface Layout {
	readonly serverName: string;
	readonly database: DatabaseTarget;
	/** In the order they are backed up: the bridge's register before Synapse's database (backup.ts says why). */
	readonly parts: readonly Part[];
}

export interface LayoutInput {
	/** homeserver.yaml, parsed. */
	readonly homeserver: unknown;
	/** The folder homeserver.yaml is in (Synapse's configuration and secrets, the signing key among them). */
	readonly synapseConfigDir: string;
	readonly rogatoryConfigDir: string;
	readonly site: { readonly register: string; readonly sessions: string; readonly secrets: string };
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

export function layoutOf(input: LayoutInput): Result<Layout, string> {
	const hs = (typeof input.homeserver === 'object' && input.homeserver !== null ? input.homeserver : {}) as Record<string, unknown>;
	const serverName = text(hs['server_name']);
	if (serverName === undefined) return err('homeserver.yaml: no server_name');
	const database = (hs['database'] ?? {}) as Record<string, unknown>;
	if (database['name'] !== 'psycopg2')
		return err('homeserver.yaml: the database is not PostgreSQL (database.name psycopg2); an SQLite homeserver moves to PostgreSQL first');
	const args = (database['args'] ?? {}) as Record<string, unknown>;
	const host = text(args['host']);
	const name = text(args['dbname'] ?? args['database']);
	const user = text(args['user']);
	const port = args['port'];
	if (host === undefined || name === undefined || user === undefined)
		return err('homeserver.yaml: database.args needs host, dbname and user');
	if (port !== undefined && (typeof port !== 'number' || !Number.isInteger(port)))
		return err('homeserver.yaml: database.args.port is not a number');
	const media = text(hs['media_store_path']);
	if (media === undefined) return err('homeserver.yaml: no media_store_path');
	const signingKey = text(hs['signing_key_path']);
	if (signingKey === undefined) return err('homeserver.yaml: no signing_key_path');
	if (!signingKey.startsWith(`${input.synapseConfigDir}/`))
		return err(
			`homeserver.yaml: the signing key (${signingKey}) is outside ${input.synapseConfigDir}; keep it in the configuration folder so the backup holds it`,
		);
	return ok({
		serverName,
		database: { host, port, name, user },
		parts: [
			{ name: 'bridge-register.sqlite', kind: 'sqlite', source: input.site.register },
			{ name: 'bridge-secrets', kind: 'tree', source: input.site.secrets },
			{ name: 'web-sessions.sqlite', kind: 'sqlite', source: input.site.sessions },
			{ name: 'synapse-config', kind: 'tree', source: input.synapseConfigDir },
			{ name: 'rogatory-config', kind: 'tree', source: input.rogatoryConfigDir },
			{ name: 'media-local-content', kind: 'tree', source: `${media}/local_content` },
			{ name: 'media-local-thumbnails', kind: 'tree', source: `${media}/local_thumbnails` },
		],
	});
}
