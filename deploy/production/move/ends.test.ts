import { describe, expect, it } from 'vitest';
import { sourceOf, targetOf } from './ends.ts';

const sqlite = {
	server_name: '127.0.70.1',
	database: { name: 'sqlite3', args: { database: 'homeserver.db' } },
	media_store_path: '/srv/dev/media_store',
	signing_key_path: 'signing.key',
};
const postgres = {
	server_name: '127.0.70.1',
	database: { name: 'psycopg2', args: { host: '/run/postgresql', port: 5432, dbname: 'synapse', user: 'matrix-synapse' } },
	media_store_path: '/var/lib/matrix-synapse/media_store',
	signing_key_path: '/etc/matrix-synapse/secrets/signing.key',
};

describe('the two ends of a move, from their homeserver.yaml', () => {
	it('reads the SQLite server, its relative paths from its folder', () => {
		expect(sourceOf(sqlite, '/srv/dev')).toEqual({
			ok: true,
			value: {
				serverName: '127.0.70.1',
				database: '/srv/dev/homeserver.db',
				mediaStore: '/srv/dev/media_store',
				signingKey: '/srv/dev/signing.key',
			},
		});
	});

	it('reads the installation on PostgreSQL', () => {
		expect(targetOf(postgres, '/etc/matrix-synapse')).toEqual({
			ok: true,
			value: {
				serverName: '127.0.70.1',
				database: { host: '/run/postgresql', port: 5432, name: 'synapse', user: 'matrix-synapse' },
				mediaStore: '/var/lib/matrix-synapse/media_store',
				signingKey: '/etc/matrix-synapse/secrets/signing.key',
			},
		});
	});

	it('refuses each end the wrong way round, and a file without a server name', () => {
		expect(sourceOf(postgres, '/')).toMatchObject({ ok: false, error: expect.stringContaining('not SQLite') as unknown });
		expect(targetOf(sqlite, '/')).toMatchObject({ ok: false, error: expect.stringContaining('not PostgreSQL') as unknown });
		expect(sourceOf({ ...sqlite, server_name: undefined }, '/')).toMatchObject({
			ok: false,
			error: expect.stringContaining('no server_name') as unknown,
		});
		expect(targetOf({ ...postgres, database: { name: 'psycopg2', args: { host: '/run' } } }, '/').ok).toBe(false);
	});
});
