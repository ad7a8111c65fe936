import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('./private-umask.ts', import.meta.url));

/** In a fresh Node process that starts with `startMask`: usePrivateUmask(), then a new file and folder; their modes. */
function modesAfter(startMask: number): { file: number; folder: number } {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-umask-'));
	const script = `
		import { mkdirSync, statSync, writeFileSync } from 'node:fs';
		process.umask(${startMask});
		const { usePrivateUmask } = await import(${JSON.stringify(MODULE)});
		usePrivateUmask();
		writeFileSync(${JSON.stringify(join(dir, 'file'))}, 'x');
		mkdirSync(${JSON.stringify(join(dir, 'folder'))});
		const mode = (p) => statSync(p).mode & 0o777;
		console.log(JSON.stringify({ file: mode(${JSON.stringify(join(dir, 'file'))}), folder: mode(${JSON.stringify(join(dir, 'folder'))}) }));
	`;
	const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(run.stderr);
	return JSON.parse(run.stdout) as { file: number; folder: number };
}

describe('usePrivateUmask', () => {
	it('makes what a process creates after it 0600 and 0700, from the usual 022', () => {
		expect(modesAfter(0o022)).toEqual({ file: 0o600, folder: 0o700 });
	});

	it('keeps a stricter umask stricter', () => {
		expect(modesAfter(0o277)).toEqual({ file: 0o400, folder: 0o500 });
	});
});
