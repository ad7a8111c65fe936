// `npm start` with broken roster or site files (issue 10, acceptance 3): it
// stops before building, starting a homeserver or writing anything, with one
// paragraph naming the file, the line and the key.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BREAKAGES, brokenDeployment } from '../tests/support/broken-deployment.ts';

const root = join(import.meta.dirname, '..');

function start(env: NodeJS.ProcessEnv) {
	return spawnSync(process.execPath, [join(root, 'scripts', 'start.ts')], {
		cwd: root,
		env: { ...process.env, ROGATORY_WEB_PORT: '1', ...env },
		encoding: 'utf8',
		timeout: 60_000,
	});
}

describe('npm start refuses broken deployment files', () => {
	it.each(BREAKAGES)('$name', (breakage) => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-start-broken-'));
		const files = brokenDeployment(dir, breakage);
		const run = start({ ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.sites.join(delimiter) });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(`${files.brokenFile}, line ${files.line}, `);
		expect(run.stderr).toMatch(new RegExp(`line ${files.line}, [^:]*${breakage.key.replace(/[.[\]]/g, '\\$&')}:`));
		expect(run.stderr).toContain('Mend the file and run the command again.');
		// Nothing started: no build step, no homeserver, nothing on stdout, no bridge folder.
		expect(run.stdout).toBe('');
		expect(existsSync(join(dir, 'bridges'))).toBe(false);
	});

	it('asks for both variables when only one is set', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-start-broken-'));
		const files = brokenDeployment(dir, BREAKAGES[0]!);
		const run = start({ ROGATORY_ROSTER: files.roster, ROGATORY_SITE: '' });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/set both ROGATORY_ROSTER .* and ROGATORY_SITE/);
	});
});
