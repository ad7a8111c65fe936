// The production generator as a process over real roster and site files
// (issue 10, acceptance 3; issue 15): it writes an authority's installation
// from the roster and the site it is given, and a broken roster stops it
// before it writes anything, with one paragraph naming the file, the line and
// the key. The same command through `npm run -s rogatory -- deploy`
// (scripts/rogatory.ts) is runDeploy too.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BREAKAGES, brokenDeployment } from '../../tests/support/broken-deployment.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
const ROGATORY = fileURLToPath(new URL('../../scripts/rogatory.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-generator-'));
	dirs.push(dir);
	return dir;
}

const run = (entry: string, args: readonly string[], env: Record<string, string> = {}) => {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'ROGATORY_ROSTER' && k !== 'ROGATORY_SITE'));
	return spawnSync(process.execPath, [entry, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 30_000 });
};
const generate = (args: readonly string[], env: Record<string, string> = {}) => run(CLI, args, env);

/** The demo files with Nigeria's site served at an https address, as production needs. */
function nigeria(dir: string) {
	const files = brokenDeployment(dir, { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
	const site = files.sites.find((p) => p.endsWith('ng-ca.site.yaml'))!;
	writeFileSync(site, readFileSync(site, 'utf8').replace(/^ {2}web: .*$/m, '  web: https://rogatory.ca.ng.rogatory.example'));
	return { roster: files.roster, site };
}

describe('node deploy/production/cli.ts', () => {
	it('generates an authority’s installation from the roster and site it is given, naming the roster’s version and hash', () => {
		const dir = folder();
		const { roster, site } = nigeria(dir);
		const out = join(dir, 'out');
		const done = generate(['--roster', roster, '--site', site, '--out', out]);
		expect(done.stderr).toBe('');
		expect(done.status).toBe(0);
		expect(done.stdout).toMatch(/^generating ng-ca's installation from roster version 3 \(sha256 [0-9a-f]{12}…\)\n/);
		// Nigeria federates with its networks' and links' homeservers: Guatemala's (linked) and Kazakhstan's (linked).
		const homeserver = readFileSync(join(out, 'homeserver.yaml'), 'utf8');
		expect(homeserver).toContain('server_name: matrix.ca.ng.rogatory.example');
		expect(homeserver).toContain('matrix.mp.gt.rogatory.example');
		expect(existsSync(join(out, 'nginx', 'matrix.ca.ng.rogatory.example.conf'))).toBe(true);
		expect(readFileSync(join(out, 'rogatory', 'env', 'web.env'), 'utf8')).toContain(`ROGATORY_SITE=${site}\n`);
		// The offboarding page's admin API calls go to the main process on loopback, which nginx would refuse from the host's address.
		expect(readFileSync(join(out, 'rogatory', 'env', 'web.env'), 'utf8')).toContain(
			'ROGATORY_SYNAPSE_ADMIN_URLS=ng-ca=http://127.0.0.1:8008\n',
		);
		expect(statSync(join(out, 'secrets', 'redis_requirepass.conf')).mode & 0o077).toBe(0);
		expect(JSON.parse(readFileSync(join(out, 'rogatory', 'bridge', 'config.json'), 'utf8'))).toMatchObject({
			homeserverUrl: 'https://matrix.ca.ng.rogatory.example',
			user: 'rogatory-bridge',
		});
	}, 30_000);

	it('is `npm run -s rogatory -- deploy`', () => {
		const dir = folder();
		const { roster, site } = nigeria(dir);
		const done = run(ROGATORY, ['deploy', '--roster', roster, '--site', site, '--out', join(dir, 'out')]);
		expect(done.stderr).toBe('');
		expect(done.status).toBe(0);
		expect(existsSync(join(dir, 'out', 'workers', 'event_persister1.yaml'))).toBe(true);
	}, 30_000);

	it('refuses a site whose web app is not served over https, naming the key', () => {
		const dir = folder();
		const files = brokenDeployment(dir, { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
		const done = generate(['--out', join(dir, 'out')], { ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.site });
		expect(done.status).toBe(1);
		expect(done.stderr).toMatch(/^rogatory: the site's urls.web must be an https URL in production/);
		expect(existsSync(join(dir, 'out'))).toBe(false);
	}, 30_000);

	it.each([BREAKAGES[2]!, BREAKAGES[3]!].map((b) => [b.name, b] as const))(
		'refuses %s in the roster before writing anything, in one paragraph naming file, line and key',
		(_name, breakage) => {
			const dir = folder();
			const files = brokenDeployment(dir, breakage);
			const out = join(dir, 'out');
			const done = generate(['--site', files.site, '--out', out], { ROGATORY_ROSTER: files.roster });
			expect(done.status).toBe(2);
			expect(done.stdout).toBe('');
			expect(existsSync(out)).toBe(false);
			const paragraph = done.stderr.trimEnd();
			expect(paragraph).not.toContain('\n');
			expect(paragraph.startsWith(`rogatory: cannot start: ${files.roster}, line ${files.line}, ${breakage.key}: `)).toBe(true);
			expect(paragraph.endsWith(' Mend the file and start again.')).toBe(true);
		},
		30_000,
	);

	it('needs a roster, a site and a folder', () => {
		expect(generate(['--site', 's.yaml', '--out', join(folder(), 'out')]).stderr).toMatch(
			/^name the roster file with --roster <file> \(or ROGATORY_ROSTER\)\nusage: rogatory deploy /,
		);
		const noSite = generate(['--roster', 'r.yaml', '--out', join(folder(), 'out')]);
		expect(noSite.status).toBe(2);
		expect(noSite.stderr).toMatch(/^name this authority's site file/);
		const noOut = generate(['--roster', 'r.yaml', '--site', 's.yaml']);
		expect(noOut.status).toBe(2);
		expect(noOut.stderr).toMatch(/^name the folder to write/);
	});
});
