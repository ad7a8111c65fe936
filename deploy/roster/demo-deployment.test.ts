import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { deploymentEnv, deploymentPathsFromEnv, writeDemoDeployment } from './demo-deployment.ts';
import { loadDeployment } from './load.ts';

describe('writeDemoDeployment', () => {
	it('writes files that read back as the demo roster, paths inside the profile folder', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-demo-files-'));
		const paths = writeDemoDeployment(dir);
		const read = loadDeployment(paths);
		if (!read.ok) throw new Error(JSON.stringify(read.error));
		expect(read.value.runtime).toEqual(demoRoster);
		const gt = read.value.sites.find((s) => s.document.authority === 'gt-mp');
		expect(gt?.document.paths.register).toBe(join(dir, 'bridges', 'gt-mp', 'register.sqlite'));
	});

	it('makes every file its owner’s alone, written or rewritten', () => {
		const dir = mkdtempSync(join(tmpdir(), 'rogatory-demo-files-'));
		writeDemoDeployment(dir);
		const paths = writeDemoDeployment(dir);
		const people = paths.sites.map((site) => site.replace(/\.site\.yaml$/, '.people.yaml'));
		for (const file of [paths.roster, ...paths.sites, ...people]) expect((statSync(file).mode & 0o777).toString(8), file).toBe('600');
	});
});

describe('deploymentPathsFromEnv', () => {
	it('takes both variables, several sites, or neither; refuses one alone', () => {
		expect(deploymentPathsFromEnv({})).toBeUndefined();
		expect(deploymentPathsFromEnv({ ROGATORY_ROSTER: '/r.yaml', ROGATORY_SITE: '/a.yaml:/b.yaml' })).toEqual({
			roster: '/r.yaml',
			sites: ['/a.yaml', '/b.yaml'],
		});
		expect(deploymentPathsFromEnv({ ROGATORY_ROSTER: '/r.yaml' })).toMatch(/ROGATORY_SITE/);
		expect(deploymentEnv({ roster: '/r.yaml', sites: ['/a.yaml', '/b.yaml'] })).toEqual({
			ROGATORY_ROSTER: '/r.yaml',
			ROGATORY_SITE: '/a.yaml:/b.yaml',
		});
	});
});
