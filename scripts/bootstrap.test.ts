import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BOOTSTRAP = fileURLToPath(new URL('./bootstrap.sh', import.meta.url));

describe('scripts/bootstrap.sh, the one door of every npm script', () => {
	it('runs what it starts with umask 077, whatever the caller had', () => {
		const run = spawnSync('sh', ['-c', `umask 022; exec sh "${BOOTSTRAP}" --exec sh -c umask`], { encoding: 'utf8' });
		expect(run.status).toBe(0);
		expect(run.stdout.trim()).toBe('0077');
	});
});
