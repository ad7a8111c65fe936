// What the web server runs, read from ROGATORY_ROSTER (the roster file) and
// ROGATORY_SITE (the site files of the authorities it serves, separated by
// ":"; the demo serves three, an installation one). web/server.ts reads it
// before it starts the app, to refuse broken files with one paragraph and
// listen on nothing; the app reads it again at its start (loaded.ts).
import { delimiter, resolve } from 'node:path';
import { describeErrors, readDeployment, type Deployment, type RosterError } from '#policies/roster/file/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { nodeFiles } from './node-files.ts';

export interface WebDeployment {
	readonly deployment: Deployment;
	/** The session database: the sites' `paths.sessions`, one for the whole server. */
	readonly sessions: string;
}

/** Why the web server cannot start: a variable left unset, or what is wrong in the files. */
export type StartProblem = { readonly kind: 'unset' } | { readonly kind: 'files'; readonly errors: readonly RosterError[] };

/**
 * One web server keeps one session database, so its sites must name the
 * same one (the demo's three all say web/sessions.sqlite).
 */
function sessionDatabase(deployment: Deployment): Result<string, RosterError[]> {
	const [first, ...others] = deployment.sites;
	if (first === undefined) return err([{ file: 'ROGATORY_SITE', path: '', line: undefined, message: 'names no site file.' }]);
	const sessions = first.document.paths.sessions;
	const differing = others.filter((site) => site.document.paths.sessions !== sessions);
	return differing.length === 0
		? ok(sessions)
		: err(
				differing.map((site) => ({
					file: site.path,
					path: 'paths.sessions',
					line: site.document.source.lines.get('paths.sessions'),
					message: `names ${site.document.paths.sessions}, but ${first.path} names ${sessions}: a web server keeps one session database, so the sites it serves must name the same file.`,
				})),
			);
}

/** The deployment, or every problem of every file at once. */
export function readWebDeployment(env: {
	readonly roster: string | undefined;
	readonly site: string | undefined;
}): Result<WebDeployment, StartProblem> {
	const { roster, site } = env;
	if (roster === undefined || roster.trim() === '' || site === undefined || site.trim() === '') return err({ kind: 'unset' });
	const sites = site
		.split(delimiter)
		.filter((path) => path.trim() !== '')
		.map((path) => resolve(path));
	const deployment = readDeployment(nodeFiles, { roster: resolve(roster), sites });
	if (!deployment.ok) return err({ kind: 'files', errors: deployment.error });
	const sessions = sessionDatabase(deployment.value);
	return sessions.ok ? ok({ deployment: deployment.value, sessions: sessions.value }) : err({ kind: 'files', errors: sessions.error });
}

/** What a web server that cannot start prints: one paragraph (one more per further problem). */
export function cannotStart(problem: StartProblem): string {
	const why =
		problem.kind === 'unset'
			? 'ROGATORY_ROSTER and ROGATORY_SITE must both be set, ROGATORY_ROSTER to the network roster file and ROGATORY_SITE to the site file of this installation (several separated by ":"). Set them, or start the demo with `npm start`, which writes the demo files and sets them.'
			: `${describeErrors(problem.errors)} Mend the file and start again.`;
	return `rogatory web: cannot start: ${why}`;
}
