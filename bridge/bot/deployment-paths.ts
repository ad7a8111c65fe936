// Which roster and site file a bridge program runs: `--roster` and `--site`
// when given, else ROGATORY_ROSTER and ROGATORY_SITE (what `npm start` hands
// its children; deploy/roster/demo-deployment.ts). A bridge is one
// authority's, so exactly one site: ROGATORY_SITE naming several (a machine
// running several authorities) needs `--site` to say which. Pure.
import { delimiter } from 'node:path';
import { err, ok, type Result } from '../../policies/result.ts';

export interface BridgeDeploymentPaths {
	readonly roster: string;
	readonly site: string;
}

export function bridgeDeploymentPaths(
	flags: { readonly roster?: string | undefined; readonly site?: string | undefined },
	env: Readonly<Record<string, string | undefined>>,
): Result<BridgeDeploymentPaths, string> {
	const roster = flags.roster ?? nonEmpty(env['ROGATORY_ROSTER']);
	if (roster === undefined) return err('name the roster file with --roster <file> (or ROGATORY_ROSTER)');
	if (flags.site !== undefined) return ok({ roster, site: flags.site });
	const sites = (env['ROGATORY_SITE'] ?? '').split(delimiter).filter((p) => p !== '');
	if (sites.length === 0) return err('name the site file with --site <file> (or ROGATORY_SITE)');
	if (sites.length > 1) return err(`ROGATORY_SITE names ${sites.length} site files; name this authority's with --site <file>`);
	return ok({ roster, site: sites[0]! });
}

const nonEmpty = (value: string | undefined): string | undefined => (value === undefined || value === '' ? undefined : value);
