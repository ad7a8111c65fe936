import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBackupCommand } from './command.ts';

const site = join(import.meta.dirname, '..', '..', 'roster', 'demo-sites', 'ng-ca.yaml');
const dir = mkdtempSync(join(tmpdir(), 'rogatory-backup-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function said(command: 'backup' | 'restore', argv: string[]): Promise<{ code: number; text: string }> {
	const lines: string[] = [];
	const code = await runBackupCommand(command, argv, (line) => void lines.push(line));
	return { code, text: lines.join('\n') };
}

describe('rogatory backup and restore, refusing before touching anything', () => {
	it('refuses a flag it does not know, and shows how it is used', async () => {
		const { code, text } = await said('backup', ['--everything', 'yes']);
		expect(code).toBe(1);
		expect(text).toContain('"--everything" is not understood');
		expect(text).toContain('usage: rogatory backup');
	});

	it('asks for the folder to write or read', async () => {
		expect((await said('backup', ['--site', site])).text).toContain('name a new folder with --out');
		expect((await said('restore', ['--site', site])).text).toContain('name the backup with --from');
	});

	it("names Synapse's config when it cannot be read, and an SQLite homeserver as one to move first", async () => {
		const missing = await said('backup', ['--site', site, '--synapse-config', join(dir, 'none.yaml'), '--out', join(dir, 'b1')]);
		expect(missing.code).toBe(1);
		expect(missing.text).toContain('--synapse-config');
		const sqlite = join(dir, 'homeserver.yaml');
		writeFileSync(sqlite, 'server_name: ng.test\ndatabase:\n  name: sqlite3\n  args:\n    database: /x.db\n');
		const refused = await said('backup', ['--site', site, '--synapse-config', sqlite, '--out', join(dir, 'b2')]);
		expect(refused.text).toContain('moves to PostgreSQL first');
	});

	it('refuses a broken site file, naming it', async () => {
		const broken = join(dir, 'site.yaml');
		writeFileSync(broken, 'authority: [\n');
		const { code, text } = await said('backup', ['--site', broken, '--out', join(dir, 'b3')]);
		expect(code).toBe(1);
		expect(text).toContain(broken);
	});

	it('reads homeserver.yaml from the backup on a machine that has none yet, and only for a restore', async () => {
		const backup = join(dir, 'backup-with-config');
		mkdirSync(join(backup, 'synapse-config'), { recursive: true });
		writeFileSync(
			join(backup, 'synapse-config', 'homeserver.yaml'),
			`server_name: ng.test\nmedia_store_path: /var/lib/x/media\nsigning_key_path: ${join(dir, 'empty-etc', 'signing.key')}\n` +
				'database:\n  name: psycopg2\n  args:\n    host: /run/postgresql\n    user: synapse\n    dbname: synapse\n',
		);
		const gone = join(dir, 'empty-etc', 'homeserver.yaml');
		const restored = await said('restore', ['--site', site, '--synapse-config', gone, '--from', backup]);
		expect(restored.code).toBe(1);
		// It got past the layout to the backup's own check.
		expect(restored.text).toContain('has no manifest.json');
		const backedUp = await said('backup', ['--site', site, '--synapse-config', gone, '--out', join(dir, 'b4')]);
		expect(backedUp.text).toContain(`cannot read ${gone}`);
	});
});
