import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runMoveCommand } from './command.ts';

const dir = mkdtempSync(join(tmpdir(), 'rogatory-move-command-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function said(argv: string[]): Promise<{ code: number; text: string }> {
	const lines: string[] = [];
	const code = await runMoveCommand(argv, (line) => void lines.push(line));
	return { code, text: lines.join('\n') };
}

const yamlFile = (name: string, content: unknown): string => {
	const path = join(dir, name);
	writeFileSync(path, stringify(content));
	return path;
};

describe('rogatory move-to-postgres, refusing before touching anything', () => {
	it('refuses a flag it does not know, and shows how it is used', async () => {
		const { code, text } = await said(['--everything', 'yes']);
		expect(code).toBe(1);
		expect(text).toContain('"--everything" is not understood');
		expect(text).toContain('usage: rogatory move-to-postgres');
		expect((await said(['--final', '--final'])).text).toContain('--final is given twice');
	});

	it('asks for the SQLite server’s homeserver.yaml, and names a file it cannot read', async () => {
		expect((await said(['--final'])).text).toContain('name the SQLite server’s homeserver.yaml with --from');
		const missing = await said(['--from', join(dir, 'nowhere.yaml')]);
		expect(missing.code).toBe(1);
		expect(missing.text).toMatch(/cannot read .*nowhere\.yaml.*--from/);
	});

	it('refuses the ends the wrong way round', async () => {
		const postgres = yamlFile('postgres.yaml', {
			server_name: 'a',
			database: { name: 'psycopg2', args: { host: '/run', dbname: 's', user: 'u' } },
			media_store_path: '/m',
			signing_key_path: '/k',
		});
		const { code, text } = await said(['--from', postgres, '--synapse-config', postgres]);
		expect(code).toBe(1);
		expect(text).toContain('its database is not SQLite');
	});
});
