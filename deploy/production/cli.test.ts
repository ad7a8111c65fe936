// The production generator as a process over real roster files (issue 10,
// acceptance 3): it writes an authority's configs from the roster it is
// given, and a broken roster stops it before it writes anything, with one
// paragraph naming the file, the line and the key.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BREAKAGES, brokenDeployment } from '../../tests/support/broken-deployment.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-generator-'));
	dirs.push(dir);
	return dir;
}

const generate = (args: readonly string[], env: Record<string, string> = {}) => {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'ROGATORY_ROSTER'));
	return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 30_000 });
};

describe('node deploy/production/cli.ts', () => {
	it('generates an authority’s configuration from the roster it is given, naming its version and hash', () => {
		const dir = folder();
		const files = brokenDeployment(dir, { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
		const out = join(dir, 'out');
		const run = generate(['--roster', files.roster, 'ng-ca', out]);
		expect(run.stderr).toBe('');
		expect(run.status).toBe(0);
		expect(run.stdout).toMatch(/^generating ng-ca's configuration from roster version 3 \(sha256 [0-9a-f]{12}…\)\n/);
		// Nigeria federates with its networks' and links' homeservers: Guatemala's (linked) and Kazakhstan's (linked).
		const homeserver = readFileSync(join(out, 'homeserver.yaml'), 'utf8');
		expect(homeserver).toContain('server_name: matrix.ca.ng.rogatory.example');
		expect(homeserver).toContain('matrix.mp.gt.rogatory.example');
		expect(existsSync(join(out, 'nginx', 'matrix.ca.ng.rogatory.example.conf'))).toBe(true);
		expect(generate(['zz-none', join(dir, 'other')], { ROGATORY_ROSTER: files.roster })).toMatchObject({ status: 1 });
	}, 30_000);

	it.each([BREAKAGES[2]!, BREAKAGES[3]!].map((b) => [b.name, b] as const))(
		'refuses %s in the roster before writing anything, in one paragraph naming file, line and key',
		(_name, breakage) => {
			const dir = folder();
			const files = brokenDeployment(dir, breakage);
			const out = join(dir, 'out');
			const run = generate(['gt-mp', out], { ROGATORY_ROSTER: files.roster });
			expect(run.status).toBe(2);
			expect(run.stdout).toBe('');
			expect(existsSync(out)).toBe(false);
			const paragraph = run.stderr.trimEnd();
			expect(paragraph).not.toContain('\n');
			expect(paragraph.startsWith(`rogatory: cannot start: ${files.roster}, line ${files.line}, ${breakage.key}: `)).toBe(true);
			expect(paragraph.endsWith(' Mend the file and start again.')).toBe(true);
		},
		30_000,
	);

	it('needs a roster', () => {
		const run = generate(['gt-mp', join(folder(), 'out')]);
		expect(run.status).toBe(2);
		expect(run.stderr).toMatch(/^name the roster file with --roster <file> \(or ROGATORY_ROSTER\)\nusage: /);
	});
});
