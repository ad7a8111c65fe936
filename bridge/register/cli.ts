// The register's command line:
// `node bridge/register/cli.ts [--roster <roster.yaml>] [--site <site.yaml>] verify [--witness <heads.json>] [<file>]`,
// `export --format csv|json [--table cases|transitions|refused] [<file>]`,
// `stats [--authority <id>] [--today YYYY-MM-DD] [<file>]`,
// `network-stats --network <id> [--authority <id>] [--today YYYY-MM-DD] [<file>]`
// (what the bridge would send the secretariat, printed), and
// `verify --complete <room> --config <bridge config.json> [<file>]` (whether
// the register holds every event the homeserver holds for the room: the
// history is read at the config's homeserverUrl with the access token of the
// bridge's session, in the site's paths.secrets — no new device, no crypto
// store). The roster and
// the site (ROGATORY_ROSTER / ROGATORY_SITE when the flags are left out) are
// read and checked first, as the bridge reads them; the register is the
// site's unless a file is named, and is read read-only. The work is in
// cli-commands.ts.
import { describeErrors } from '../../policies/roster/file/index.ts';
import { err, ok } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { bridgeDeploymentPaths } from '../bot/deployment-paths.ts';
import { readBridgeDeployment } from '../bot/deployment.ts';
import { readConfig } from '../bot/config.ts';
import { readRoomHistory } from '../matrix/room-history.ts';
import { runCliAsync, type ReadCliDeployment, type ReadHistory } from './cli-commands.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Result } from '../../policies/result.ts';

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
		secretsDir: site.document.paths.secrets,
	});
};

const readHistory: ReadHistory = async ({ room, config, deployment }) => {
	if (config === undefined)
		return err('name the bridge’s config file with --config <config.json> (the room’s history is read at its homeserverUrl)');
	const file = readConfig(config, deployment.roster);
	if (!file.ok) return err(file.error);
	const session = readSession(deployment.secretsDir);
	if (!session.ok) return err(session.error);
	return readRoomHistory(
		{ homeserverUrl: file.value.config.homeserverUrl, accessToken: session.value.accessToken, self: session.value.userId, fetch },
		room,
	);
};

/** The bridge's session (user and access token), read and never written: the check signs in as the bridge's own device. */
function readSession(dir: string | undefined): Result<{ userId: string; accessToken: string }, string> {
	if (dir === undefined) return err('the site names no secrets folder (paths.secrets), where the bridge keeps its session');
	const path = join(dir, 'session.json');
	try {
		const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
		if (typeof value['userId'] !== 'string' || typeof value['accessToken'] !== 'string')
			return err(`${path}: not a bridge session (userId and accessToken are missing)`);
		return ok({ userId: value['userId'], accessToken: value['accessToken'] });
	} catch (thrown) {
		const missing = thrown instanceof Error && 'code' in thrown && thrown.code === 'ENOENT';
		return err(
			missing
				? `${path} does not exist: the bridge has not signed in yet; start it once`
				: `${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`,
		);
	}
}

const outcome = await runCliAsync(process.argv.slice(2), readDeployment, readHistory, new Date());
process.stdout.write(outcome.stdout);
process.stderr.write(outcome.stderr);
process.exitCode = outcome.code;
