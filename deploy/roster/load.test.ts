import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPeopleAgainstSite, checkSiteAgainstRoster, notOnRogatory } from '../../policies/roster/file/index.ts';
import { loadPeople, loadRoster, loadSite } from './load.ts';

const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures/roster');

describe('loadRoster', () => {
	it('reads the default roster with its version and SHA-256', () => {
		const path = join(import.meta.dirname, 'default.yaml');
		const loaded = loadRoster(path);
		if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
		expect(loaded.value.version).toBe(3);
		expect(loaded.value.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
		expect(loaded.value.document.networks.map((n) => n.id)).toEqual(['REFCO', 'WACAP', 'CASC']);
	});

	it('carries the networks’ members, only the demo authorities on Rogatory', () => {
		const loaded = loadRoster(join(import.meta.dirname, 'default.yaml'));
		if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
		const roster = loaded.value.document;
		const countries = (network: string) =>
			roster.authorities.filter((a) => a.memberships.some((m) => m.network === network)).map((a) => a.country);
		expect(countries('REFCO')).toEqual(['CR', 'SV', 'GT', 'HN', 'NI', 'PA', 'DO', 'MX', 'BZ', 'CO']);
		expect(countries('WACAP')).toEqual(['BJ', 'BF', 'CV', 'CI', 'GM', 'GH', 'GN', 'GW', 'LR', 'ML', 'NE', 'NG', 'SN', 'SL', 'TG', 'MR']);
		expect(countries('CASC')).toEqual(['AM', 'AZ', 'GE', 'KZ', 'KG', 'TJ', 'TM', 'UZ']);
		const on = roster.authorities.filter((a) => a.homeserver !== undefined).map((a) => a.id);
		expect(on).toEqual(['sv-fgr', 'gt-mp', 'ng-ca', 'kz-gpo']);
		expect(notOnRogatory(roster)).toHaveLength(roster.authorities.length - on.length);
	});

	it('gives a different hash for a different file, and refuses a broken one naming the file', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-roster-'));
		const original = readFileSync(join(import.meta.dirname, 'default.yaml'), 'utf8');
		const edited = join(dir, 'edited.yaml');
		writeFileSync(edited, original.replace('version: 3', 'version: 4'));
		const a = loadRoster(join(import.meta.dirname, 'default.yaml'));
		const b = loadRoster(edited);
		expect(a.ok && b.ok && a.value.sha256 !== b.value.sha256 && b.value.version === 4).toBe(true);
		const broken = join(dir, 'broken.yaml');
		writeFileSync(broken, original.replace('    country: CR\n', '    country: CR\n    flag: blue\n'));
		const refused = loadRoster(broken);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.error[0]).toMatchObject({ file: broken, path: 'authorities[0].flag' });
	});

	it('says so when the file cannot be read', () => {
		const refused = loadRoster('/nonexistent/roster.yaml');
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(refused.error).toEqual([expect.objectContaining({ file: '/nonexistent/roster.yaml', path: '', line: undefined })]);
	});
});

describe('the fourth network fixture', () => {
	it('parses, and its site and people hold against it', () => {
		const roster = loadRoster(join(FIXTURES, 'fourth-network.yaml'));
		const site = loadSite(join(FIXTURES, 'xq-pps.site.yaml'));
		if (!roster.ok || !site.ok) throw new Error('fixture refused');
		const people = loadPeople(site.value.document.paths.people);
		if (!people.ok) throw new Error(JSON.stringify(people.error));
		expect(checkSiteAgainstRoster(site.value.document, roster.value.document)).toEqual([]);
		expect(checkPeopleAgainstSite(people.value, site.value.document, roster.value.document)).toEqual([]);
	});

	it('shares no id, name or server name with the default roster', () => {
		const fourth = readFileSync(join(FIXTURES, 'fourth-network.yaml'), 'utf8');
		const loaded = loadRoster(join(import.meta.dirname, 'default.yaml'));
		if (!loaded.ok) throw new Error('default refused');
		const demo = loaded.value.document.authorities.filter((a) => a.homeserver !== undefined);
		for (const a of demo) for (const word of [a.id, a.name, a.homeserver?.serverName ?? '']) expect(fourth).not.toContain(word);
		for (const n of loaded.value.document.networks) expect(fourth).not.toContain(n.id);
	});
});

describe('loadSite', () => {
	it('takes relative paths from the site file’s folder', () => {
		const site = loadSite(join(FIXTURES, 'xq-pps.site.yaml'));
		if (!site.ok) throw new Error(JSON.stringify(site.error));
		expect(site.value.document.paths.register).toBe(join(FIXTURES, 'data', 'register.sqlite'));
		expect(site.value.document.homeserver.adminTokenFile).toBe(join(FIXTURES, 'data', 'secrets', 'admin-token'));
	});
});
