import { describe, expect, it } from 'vitest';
import { layoutOf, type LayoutInput } from './layout.ts';

const input = (homeserver: Record<string, unknown>): LayoutInput => ({
	homeserver,
	synapseConfigDir: '/etc/matrix-synapse',
	rogatoryConfigDir: '/etc/rogatory',
	site: { register: '/srv/r/register.sqlite', sessions: '/srv/r/sessions.sqlite', secrets: '/srv/r/secrets' },
});

const generated = {
	server_name: 'ng.test',
	database: { name: 'psycopg2', args: { host: '/var/run/postgresql', user: 'matrix-synapse', dbname: 'synapse', cp_min: 2 } },
	media_store_path: '/var/lib/matrix-synapse/media_store',
	signing_key_path: '/etc/matrix-synapse/secrets/signing.key',
};

describe("what a backup holds, from the installation's files", () => {
	it('takes the database, media store and signing key from homeserver.yaml and the rest from the site', () => {
		const layout = layoutOf(input(generated));
		expect(layout.ok).toBe(true);
		if (!layout.ok) return;
		expect(layout.value.database).toEqual({ host: '/var/run/postgresql', port: undefined, name: 'synapse', user: 'matrix-synapse' });
		expect(layout.value.parts.map((p) => [p.name, p.source])).toEqual([
			['bridge-register.sqlite', '/srv/r/register.sqlite'],
			['bridge-secrets', '/srv/r/secrets'],
			['web-sessions.sqlite', '/srv/r/sessions.sqlite'],
			['synapse-config', '/etc/matrix-synapse'],
			['rogatory-config', '/etc/rogatory'],
			['media-local-content', '/var/lib/matrix-synapse/media_store/local_content'],
			['media-local-thumbnails', '/var/lib/matrix-synapse/media_store/local_thumbnails'],
		]);
	});

	it.each([
		['an SQLite homeserver', { database: { name: 'sqlite3', args: { database: '/x.db' } } }, 'moves to PostgreSQL first'],
		['no server name', { server_name: undefined }, 'no server_name'],
		['a database without a user', { database: { name: 'psycopg2', args: { host: 'h', dbname: 'd' } } }, 'needs host, dbname and user'],
		[
			'a port that is not a number',
			{ database: { name: 'psycopg2', args: { host: 'h', dbname: 'd', user: 'u', port: '5432; x' } } },
			'port',
		],
		['a signing key outside the configuration folder', { signing_key_path: '/root/signing.key' }, 'outside /etc/matrix-synapse'],
		['no media store', { media_store_path: '' }, 'media_store_path'],
	])('refuses %s, saying what to mend', (_, change, why) => {
		const layout = layoutOf(input({ ...generated, ...change }));
		expect(layout.ok).toBe(false);
		if (!layout.ok) expect(layout.error).toContain(why);
	});
});
