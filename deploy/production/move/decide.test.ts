import { describe, expect, it } from 'vitest';
import { decideMove, PORT_TABLE, type MoveFacts } from './decide.ts';

const KEY = 'ed25519 a_AbCd c2lnbmluZyBrZXk\n';
const facts = (change: Partial<MoveFacts['target']> = {}, finishedAt?: string): MoveFacts => ({
	source: { serverName: '127.0.70.1', signingKey: KEY },
	target: {
		serverName: '127.0.70.1',
		databaseName: 'synapse',
		signingKey: undefined,
		signingKeyPath: '/etc/matrix-synapse/secrets/signing.key',
		tables: [],
		...change,
	},
	finishedAt,
	recordPath: '/etc/matrix-synapse/moved-from-sqlite.json',
});

describe('whether a pass of a move off SQLite may run', () => {
	it('runs a first pass into an empty database', () => {
		expect(decideMove(facts())).toEqual({ ok: true, value: 'first' });
	});

	it('runs again into a database only an earlier pass wrote (synapse_port_db’s progress table in it)', () => {
		expect(decideMove(facts({ tables: ['events', PORT_TABLE, 'users'] }))).toEqual({ ok: true, value: 'again' });
	});

	it('refuses a database with tables no move put there, saying to drop and create it', () => {
		const refused = decideMove(facts({ tables: ['events', 'users'] }));
		expect(refused.ok).toBe(false);
		if (!refused.ok) {
			expect(refused.error).toContain('the database synapse already holds 2 tables that no move put there');
			expect(refused.error).toContain('create it again with create-database.sql');
		}
	});

	it('refuses another server name: it cannot change', () => {
		const refused = decideMove({ ...facts(), source: { serverName: 'mp.gob.gt', signingKey: KEY } });
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(refused.error).toMatch(/SQLite server is mp\.gob\.gt and the installation 127\.0\.70\.1: a server name cannot change/);
	});

	it('accepts the old key already in place, and refuses another one, naming the file to remove', () => {
		expect(decideMove(facts({ signingKey: KEY.trim() })).ok).toBe(true);
		const refused = decideMove(facts({ signingKey: 'ed25519 a_Zzzz b3RoZXI\n' }));
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error).toContain('signing key of its own (/etc/matrix-synapse/secrets/signing.key)');
	});

	it('refuses a move that finished, even into its own tables', () => {
		const refused = decideMove(facts({ tables: ['events', PORT_TABLE] }, '2026-12-05T09:00:00.000Z'));
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error).toContain('this move finished at 2026-12-05T09:00:00.000Z');
	});
});
