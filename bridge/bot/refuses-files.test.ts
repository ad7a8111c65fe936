// The bridge refuses broken deployment files before it starts anything (issue
// 10, acceptance 3): `node bridge/bot/main.ts --roster … --site … config.json`
// as a real process over real files, each with one breakage. It exits 2 with
// one paragraph naming the file, the line and the key path; it never tries
// its homeserver (a closed loopback port: a login attempt would be logged)
// and never creates its register or secrets folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BREAKAGES, brokenDeployment, type Breakage } from '../../tests/support/broken-deployment.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const dirs: string[] = [];
afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-bridge-refuses-'));
	dirs.push(dir);
	return dir;
}

/** A bot config pointing at a loopback port nothing listens on. */
function config(dir: string, extra: Record<string, unknown> = {}): string {
	const path = join(dir, 'config.json');
	writeFileSync(path, JSON.stringify({ homeserverUrl: 'http://127.0.0.1:9', user: 'rogatory-bridge', password: 'p', ...extra }));
	return path;
}

function bridge(args: readonly string[], env: Record<string, string> = {}) {
	const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'ROGATORY_ROSTER' && k !== 'ROGATORY_SITE'));
	return spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...clean, ...env }, timeout: 30_000 });
}

function expectNothingStarted(dir: string, run: ReturnType<typeof bridge>): void {
	expect(run.status).toBe(2);
	expect(run.stdout).toBe('');
	expect(existsSync(join(dir, 'bridges', 'gt-mp', 'register.sqlite'))).toBe(false);
	expect(existsSync(join(dir, 'bridges', 'gt-mp', 'secrets'))).toBe(false);
}

// NOTE: each test starts real processes; on a loaded machine two of them take longer than vitest's default 5 s (a guard, not a measure).
describe('the bridge refuses broken deployment files before it starts anything', { timeout: 60_000 }, () => {
	it.each(BREAKAGES.map((b) => [b.name, b] as const))('%s', (_name, breakage: Breakage) => {
		const dir = folder();
		const files = brokenDeployment(dir, breakage);
		const run = bridge(['--roster', files.roster, '--site', files.site, config(dir)]);
		expectNothingStarted(dir, run);
		const paragraph = run.stderr.trimEnd();
		expect(paragraph).not.toContain('\n');
		expect(paragraph.startsWith(`rogatory bridge: cannot start: ${files.brokenFile}, line ${files.line}, `)).toBe(true);
		expect(paragraph).toContain(`${breakage.key}: `);
		expect(paragraph.endsWith(' Mend the file and start again.')).toBe(true);
	});

	it('reads ROGATORY_ROSTER and ROGATORY_SITE when the flags are left out, and the flags when given', () => {
		const dir = folder();
		const files = brokenDeployment(dir, BREAKAGES[0]!);
		const fromEnv = bridge([config(dir)], { ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.site });
		expectNothingStarted(dir, fromEnv);
		expect(fromEnv.stderr).toContain(`${files.site}, line ${files.line}, bridge.colour: unknown key`);
		const flagsWin = bridge(['--roster', files.roster, '--site', files.site, config(dir)], {
			ROGATORY_ROSTER: join(dir, 'none.yaml'),
			ROGATORY_SITE: join(dir, 'none.site.yaml'),
		});
		expect(flagsWin.stderr).toContain(`${files.site}, line ${files.line}, bridge.colour`);
		expect(flagsWin.stderr).not.toContain('none');
	});

	it('needs exactly one site, and a roster', () => {
		const dir = folder();
		const files = brokenDeployment(dir, BREAKAGES[0]!);
		const several = bridge([config(dir)], { ROGATORY_ROSTER: files.roster, ROGATORY_SITE: files.sites.join(':') });
		expectNothingStarted(dir, several);
		expect(several.stderr).toMatch(
			new RegExp(`^ROGATORY_SITE names ${files.sites.length} site files; name this authority's with --site <file>\\nusage: `),
		);
		expect(files.sites.length).toBeGreaterThan(1);
		const none = bridge(['--site', files.site, config(dir)]);
		expect(none.status).toBe(2);
		expect(none.stderr).toMatch(/^name the roster file with --roster <file> \(or ROGATORY_ROSTER\)/);
	});

	it('refuses a bot config still carrying a key the site file now holds, naming it', () => {
		const dir = folder();
		const files = brokenDeployment(dir, { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
		const run = bridge(['--roster', files.roster, '--site', files.site, config(dir, { registerFile: join(dir, 'old.sqlite') })]);
		expectNothingStarted(dir, run);
		expect(run.stderr.trimEnd()).toBe(
			`rogatory bridge: cannot start: ${join(dir, 'config.json')}: registerFile: the site file's paths.register says this now; remove the key from the bot configuration. Mend the file and start again.`,
		);
		expect(existsSync(join(dir, 'old.sqlite'))).toBe(false);
	});

	it('refuses to keep the rooms of a secretariat the roster does not have it host', () => {
		const dir = folder();
		const files = brokenDeployment(dir, { ...BREAKAGES[0]!, to: BREAKAGES[0]!.from });
		const run = bridge(['--roster', files.roster, '--site', files.site, config(dir, { secretariats: { WACAP: 'p' } })]);
		expectNothingStarted(dir, run);
		expect(run.stderr.trimEnd()).toBe(
			"rogatory bridge: cannot start: secretariats.WACAP: the roster does not name gt-mp as the host of WACAP's secretariat (it hosts REFCO); remove the key or mend the roster's hosted_by. Mend the file and start again.",
		);
	});
});
