// `npm start` with broken roster or site files (issue 10, acceptance 3): it
// stops before building, starting a homeserver or writing anything, with one
// paragraph naming the file, the line and the key.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROKEN, namedPlace, writeBrokenDeployment } from '../tests/support/broken-deployment.ts';

const root = join(import.meta.dirname, '..');

describe('npm start refuses broken deployment files', () => {
	it.each(BROKEN)('$name', (mistake) => {
		const files = writeBrokenDeployment(mistake);
		const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.ts')], {
			cwd: root,
			env: { ...process.env, ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.site, ROGATORY_WEB_PORT: '1' },
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain(namedPlace(files));
		expect(run.stderr).toContain('Mend the file and run the command again.');
		// Nothing started: no build step, no homeserver, nothing said on stdout.
		expect(run.stdout).toBe('');
		expect(existsSync(join(files.broken, '..', 'data'))).toBe(false);
	});

	it('asks for both variables when only one is set', () => {
		const files = writeBrokenDeployment(BROKEN[0]!);
		const run = spawnSync(process.execPath, [join(root, 'scripts', 'start.ts')], {
			cwd: root,
			env: { ...process.env, ROGATORY_ROSTER: files.roster, ROGATORY_SITE: '' },
			encoding: 'utf8',
			timeout: 60_000,
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/set both ROGATORY_ROSTER .* and ROGATORY_SITE/);
	});
});
