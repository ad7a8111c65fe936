// The register's command line:
// `node bridge/register/cli.ts [--roster <roster.yaml>] [--site <site.yaml>] verify [--witness <heads.json>] [<file>]`,
// `export --format csv|json [--table cases|transitions|refused] [<file>]`,
// `stats [--authority <id>] [--today YYYY-MM-DD] [<file>]`,
// `network-stats --network <id> [--authority <id>] [--today YYYY-MM-DD] [<file>]`
// (what the bridge would send the secretariat, printed). The roster and
// the site (ROGATORY_ROSTER / ROGATORY_SITE when the flags are left out) are
// read and checked first, as the bridge reads them; the register is the
// site's unless a file is named, and is read read-only. The work is in
// cli-commands.ts.
import { describeErrors } from '../../policies/roster/file/index.ts';
import { err, ok } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { bridgeDeploymentPaths } from '../bot/deployment-paths.ts';
import { readBridgeDeployment } from '../bot/deployment.ts';
import { runCli, type ReadCliDeployment } from './cli-commands.ts';

const readDeployment: ReadCliDeployment = (flags) => {
	const paths = bridgeDeploymentPaths(flags, process.env);
	if (!paths.ok) return paths;
	const read = readBridgeDeployment(paths.value);
	if (!read.ok) return err(`rogatory register: cannot start: ${describeErrors(read.error)} Mend the file and start again.`);
	const { deployment, site } = read.value;
	return ok({
		roster: deployment.runtime,
		authority: site.document.authority as AuthorityId,
		registerFile: site.document.paths.register,
	});
};

const outcome = runCli(process.argv.slice(2), readDeployment, new Date());
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
