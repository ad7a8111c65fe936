import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { browserRoster } from './browser.ts';
import { cannotStart, readWebDeployment } from './read.ts';

const ROOT = join(import.meta.dirname, '../../../../..');
const DEMO = join(ROOT, 'deploy/roster');
const FOURTH = join(ROOT, 'tests/fixtures/roster');

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'rogatory-web-roster-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The demo's files laid out as `npm start` lays them out in .data/<profile>/ (deploy/roster/demo-deployment.ts). */
function demoFiles(): { roster: string; sites: string[] } {
	const roster = join(dir, 'roster.yaml');
	copyFileSync(join(DEMO, 'default.yaml'), roster);
	const sites = readdirSync(join(DEMO, 'demo-sites'))
		.sort()
		.map((name) => {
			const authority = name.replace(/\.yaml$/, '');
			copyFileSync(join(DEMO, 'demo-people', name), join(dir, `${authority}.people.yaml`));
			copyFileSync(join(DEMO, 'demo-sites', name), join(dir, `${authority}.site.yaml`));
			return join(dir, `${authority}.site.yaml`);
		});
	return { roster, sites };
}

describe('readWebDeployment', () => {
	it('reads the demo files into the demo roster, with the one session database every site names', () => {
		const files = demoFiles();
		const read = readWebDeployment({ roster: files.roster, site: files.sites.join(':') });
		if (!read.ok) throw new Error(cannotStart(read.error));
		expect(read.value.deployment.runtime).toEqual(demoRoster);
		expect(read.value.sessions).toBe(join(dir, 'web', 'sessions.sqlite'));
		expect(read.value.deployment.sites.map((s) => s.document.paths.register)).toEqual(
			['gt-mp', 'kz-gpo', 'ng-ca', 'sv-fgr'].map((id) => join(dir, 'bridges', id, 'register.sqlite')),
		);
	});

	it('asks for both variables when either is unset, in a sentence that says how', () => {
		for (const env of [
			{ roster: undefined, site: 'x' },
			{ roster: 'x', site: ' ' },
			{ roster: undefined, site: undefined },
		]) {
			const read = readWebDeployment(env);
			expect(read.ok ? undefined : read.error).toEqual({ kind: 'unset' });
		}
		const said = cannotStart({ kind: 'unset' });
		expect(said).toMatch(/^rogatory web: cannot start: ROGATORY_ROSTER and ROGATORY_SITE must both be set/);
		expect(said).toContain('npm start');
		expect(said).not.toContain('\n');
	});

	it('refuses sites that name two session databases, naming the second site, its key and line', () => {
		const files = demoFiles();
		const kz = files.sites[1]!;
		writeFileSync(kz, readFileSync(kz, 'utf8').replace('sessions: web/sessions.sqlite', 'sessions: elsewhere/sessions.sqlite'));
		const read = readWebDeployment({ roster: files.roster, site: files.sites.join(':') });
		if (read.ok || read.error.kind !== 'files') throw new Error('expected a refusal');
		const said = cannotStart(read.error);
		expect(said).toMatch(new RegExp(`^rogatory web: cannot start: ${kz}, line \\d+, paths\\.sessions: names .*elsewhere`));
		expect(said).toMatch(/Mend the file and start again\.$/);
	});

	it('names the file, line and key of a broken roster in one paragraph', () => {
		const roster = join(dir, 'roster.yaml');
		writeFileSync(roster, readFileSync(join(FOURTH, 'fourth-network.yaml'), 'utf8').replace('version: 7', 'version: 7\nedition: 2'));
		const read = readWebDeployment({ roster, site: join(FOURTH, 'xq-pps.site.yaml') });
		if (read.ok) throw new Error('expected a refusal');
		expect(cannotStart(read.error)).toMatch(
			new RegExp(`^rogatory web: cannot start: ${roster}, line 5, edition: [^\\n]+ Mend the file and start again\\.$`),
		);
	});
});

describe('browserRoster', () => {
	it('gives the browser the networks, authorities and links, never the people', () => {
		const files = demoFiles();
		const read = readWebDeployment({ roster: files.roster, site: files.sites.join(':') });
		if (!read.ok) throw new Error(cannotStart(read.error));
		expect(browserRoster(read.value.deployment)).toEqual({ ...demoRoster, people: [] });
	});
});
