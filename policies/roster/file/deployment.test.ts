import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../result.ts';
import { readDeployment, rosterLabel, type FileAccess } from './deployment.ts';

const FIXTURES = join(import.meta.dirname, '../../../tests/fixtures/roster');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Files in memory, under /site/…; resolve takes relative paths from the file's folder. */
function memory(files: Record<string, string>): FileAccess {
	return {
		read: (path) => (path in files ? ok(new TextEncoder().encode(files[path])) : err('ENOENT: no such file')),
		sha256: (bytes) => `hash-of-${bytes.length}-bytes`,
		resolve: (from, path) => (path.startsWith('/') ? path : `${from.slice(0, from.lastIndexOf('/'))}/${path}`),
	};
}

const FOURTH = {
	'/etc/roster.yaml': fixture('fourth-network.yaml'),
	'/site/xq-pps.site.yaml': fixture('xq-pps.site.yaml'),
	'/site/xq-pps.people.yaml': fixture('xq-pps.people.yaml'),
};

describe('readDeployment', () => {
	it('reads the roster, the site and its people into the Roster the code uses', () => {
		const read = readDeployment(memory(FOURTH), { roster: '/etc/roster.yaml', sites: ['/site/xq-pps.site.yaml'] });
		if (!read.ok) throw new Error(JSON.stringify(read.error));
		const { roster, sites, runtime } = read.value;
		expect(roster.version).toBe(7);
		expect(roster.sha256).toBe(`hash-of-${new TextEncoder().encode(FOURTH['/etc/roster.yaml']).length}-bytes`);
		expect(sites[0]?.document.paths.register).toBe('/site/data/register.sqlite');
		expect(runtime.authorities.map((a) => a.id)).toEqual(['xq-pps', 'xv-jd']);
		expect(runtime.people.map((p) => `${p.localpart}@${p.authority}`)).toEqual(['maren.holt@xq-pps', 'boreal.desk@xq-pps']);
		expect(rosterLabel(roster)).toMatch(/^roster version 7 \(sha256 hash-of-/);
	});

	it('names the file that cannot be read', () => {
		const read = readDeployment(memory(FOURTH), { roster: '/etc/roster.yaml', sites: ['/site/missing.yaml'] });
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error).toEqual([expect.objectContaining({ file: '/site/missing.yaml', path: '', line: undefined })]);
	});

	it('refuses a site whose people file belongs to another authority, naming the line', () => {
		const files = {
			...FOURTH,
			'/site/xq-pps.people.yaml': FOURTH['/site/xq-pps.people.yaml'].replace('authority: xq-pps', 'authority: xv-jd'),
		};
		const read = readDeployment(memory(files), { roster: '/etc/roster.yaml', sites: ['/site/xq-pps.site.yaml'] });
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error[0]).toMatchObject({ file: '/site/xq-pps.people.yaml', path: 'authority', line: 2 });
	});

	it('refuses two sites of one authority', () => {
		const files = {
			...FOURTH,
			'/other/xq-pps.site.yaml': FOURTH['/site/xq-pps.site.yaml'],
			'/other/xq-pps.people.yaml': FOURTH['/site/xq-pps.people.yaml'],
		};
		const read = readDeployment(memory(files), {
			roster: '/etc/roster.yaml',
			sites: ['/site/xq-pps.site.yaml', '/other/xq-pps.site.yaml'],
		});
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error[0]).toMatchObject({ file: '/other/xq-pps.site.yaml', path: 'authority' });
	});

	it('stops at a broken roster without reading any site', () => {
		const files = { ...FOURTH, '/etc/roster.yaml': FOURTH['/etc/roster.yaml'].replace('version: 7', 'version: seven') };
		const read = readDeployment(memory(files), { roster: '/etc/roster.yaml', sites: ['/site/missing.yaml'] });
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error.map((e) => [e.file, e.path])).toEqual([['/etc/roster.yaml', 'version']]);
	});
});
