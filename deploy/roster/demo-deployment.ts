// The demo's deployment files in a profile's data folder: `npm start`, the
// tests and the benches copy the default roster and the demo authorities'
// site and people files into .data/<profile>/ (roster.yaml,
// <authority>.site.yaml, <authority>.people.yaml), where the sites' relative
// paths meet the layout of the local homeservers and bridges. Every program
// they start is then given these paths, as a real installation would be
// given its own. ROGATORY_ROSTER / ROGATORY_SITE (deploymentPathsFromEnv)
// name other files instead.
import { chmodSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';

const HERE = import.meta.dirname;
export const DEFAULT_ROSTER = join(HERE, 'default.yaml');
const DEMO_SITES = join(HERE, 'demo-sites');
const DEMO_PEOPLE = join(HERE, 'demo-people');

export interface DeploymentPaths {
	readonly roster: string;
	/** The site files of the authorities this machine runs. */
	readonly sites: readonly string[];
}

/**
 * NOTE: not copyFileSync, which gives the copy the source's mode (0644 in a
 * checkout) whatever the umask: a profile's files are its owner's alone
 * (tests/security/data-permissions.e2e.ts), the people files above all.
 */
function copyPrivate(from: string, to: string): void {
	writeFileSync(to, readFileSync(from), { mode: 0o600 });
	chmodSync(to, 0o600);
}

/** Writes (or rewrites) the demo files into `profileDir`; the paths to hand to every program. */
export function writeDemoDeployment(profileDir: string): DeploymentPaths {
	mkdirSync(profileDir, { recursive: true, mode: 0o700 });
	const roster = join(profileDir, 'roster.yaml');
	copyPrivate(DEFAULT_ROSTER, roster);
	const sites = readdirSync(DEMO_SITES)
		.filter((name) => name.endsWith('.yaml'))
		.sort()
		.map((name) => {
			const authority = name.slice(0, -'.yaml'.length);
			copyPrivate(join(DEMO_PEOPLE, name), join(profileDir, `${authority}.people.yaml`));
			const site = join(profileDir, `${authority}.site.yaml`);
			copyPrivate(join(DEMO_SITES, name), site);
			return site;
		});
	return { roster, sites };
}

/**
 * ROGATORY_ROSTER and ROGATORY_SITE (site files separated by the system's path
 * delimiter, ":" here) when both are set; undefined when neither is; a
 * sentence when only one is.
 */
export function deploymentPathsFromEnv(env: NodeJS.ProcessEnv = process.env): DeploymentPaths | string | undefined {
	const roster = env['ROGATORY_ROSTER'];
	const site = env['ROGATORY_SITE'];
	if (roster === undefined && site === undefined) return undefined;
	if (roster === undefined || roster === '' || site === undefined || site === '')
		return 'set both ROGATORY_ROSTER (the roster file) and ROGATORY_SITE (the site files, separated by ":"), or neither for the demo files.';
	return {
		roster: resolve(roster),
		sites: site
			.split(delimiter)
			.filter((p) => p !== '')
			.map((p) => resolve(p)),
	};
}

/** The environment that hands the paths to a child process. */
export const deploymentEnv = (paths: DeploymentPaths): Record<string, string> => ({
	ROGATORY_ROSTER: paths.roster,
	ROGATORY_SITE: paths.sites.join(delimiter),
});
