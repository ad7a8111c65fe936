// Broken deployment files for the refusal tests of each program (issue 10,
// acceptance 3): the demo files written into a folder, then one line of the
// roster or of a site changed. Each breakage names the file it breaks, the
// key path the refusal must name and the text whose line it must give.
import { readFileSync, writeFileSync } from 'node:fs';
import { writeDemoDeployment, type DeploymentPaths } from '../../deploy/roster/demo-deployment.ts';

export interface Breakage {
	readonly name: string;
	readonly file: 'roster' | 'site';
	/** The line as the demo file has it, and what it becomes. */
	readonly from: string;
	readonly to: string;
	/** The key path the refusal names. */
	readonly key: string;
}

export const BREAKAGES: readonly Breakage[] = [
	{ name: 'an unknown key', file: 'site', from: '  retry_seconds: 5', to: '  retry_seconds: 5\n  colour: blue', key: 'bridge.colour' },
	{ name: 'a wrong type', file: 'site', from: '  retry_seconds: 5', to: '  retry_seconds: soon', key: 'bridge.retry_seconds' },
	{
		name: 'an authority in an undeclared network',
		file: 'roster',
		from: '      - network: REFCO',
		to: '      - network: REFKO',
		key: 'authorities[0].memberships[0].network',
	},
	{
		name: 'a cross-network link to a missing authority',
		file: 'roster',
		from: '  - between: [gt-mp, ng-ca]',
		to: '  - between: [gt-mp, zz-none]',
		key: 'links[0].between[1]',
	},
	{
		name: 'a duplicate server name',
		file: 'roster',
		from: '      server_name: matrix.gpo.kz.rogatory.example',
		to: '      server_name: matrix.ca.ng.rogatory.example',
		key: '.homeserver.server_name',
	},
];

export interface BrokenDeployment extends DeploymentPaths {
	/** Guatemala's site (the one a bridge is started with). */
	readonly site: string;
	/** The broken file and the line of the change (1-based). */
	readonly brokenFile: string;
	readonly line: number;
}

/** The demo files in `dir`, Guatemala's site picked, with `breakage` applied (the first line matching). */
export function brokenDeployment(dir: string, breakage: Breakage): BrokenDeployment {
	const paths = writeDemoDeployment(dir);
	const site = paths.sites.find((p) => p.endsWith('gt-mp.site.yaml'));
	if (site === undefined) throw new Error('the demo has no site for gt-mp');
	const file = breakage.file === 'roster' ? paths.roster : site;
	const lines = readFileSync(file, 'utf8').split('\n');
	const at = lines.indexOf(breakage.from);
	if (at < 0) throw new Error(`${file} has no line "${breakage.from}"`);
	lines.splice(at, 1, breakage.to);
	writeFileSync(file, lines.join('\n'));
	const changed = breakage.to.split('\n');
	return { ...paths, site, brokenFile: file, line: at + changed.length };
}
