// What a bot process reads before it starts anything:
// `<entry> [--roster <file>] [--site <file>] <config.json>`. The roster and
// the site are checked against each other (policies/roster/file/), then the
// bot config against the roster; any problem is one refusal, given before the
// bot logs in or opens its register, so a broken file changes nothing. Shared
// by bridge/bot/main.ts and the benches' baseline bot.
import { parseArgs } from 'node:util';
import { describeErrors, rosterLabel, type LoadedSite } from '../../policies/roster/file/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { botConfig, readConfig, type BotConfig } from './config.ts';
import { bridgeDeploymentPaths } from './deployment-paths.ts';
import { readBridgeDeployment } from './deployment.ts';

export interface BridgeStart {
	readonly config: BotConfig;
	/** Unknown keys of the bot config, ignored. */
	readonly warnings: readonly string[];
	/** `roster version 3 (sha256 …), site …`: what the bot logs at its start. */
	readonly label: string;
	/** The site as read, with its people file (the alerts' addresses, bridge/alerts/settings.ts). */
	readonly site: LoadedSite;
}

/** Why the bot cannot start: a usage mistake, or a file to mend (one paragraph per problem). */
export type StartRefusal = { readonly kind: 'usage'; readonly message: string } | { readonly kind: 'files'; readonly message: string };

export function readBridgeStart(
	entry: string,
	argv: readonly string[],
	env: Readonly<Record<string, string | undefined>>,
): Result<BridgeStart, StartRefusal> {
	const usage = `usage: node ${entry} [--roster <roster.yaml>] [--site <site.yaml>] <config.json> (ROGATORY_ROSTER and ROGATORY_SITE when the flags are left out)`;
	let parsed;
	try {
		parsed = parseArgs({ args: [...argv], allowPositionals: true, options: { roster: { type: 'string' }, site: { type: 'string' } } });
	} catch (thrown) {
		return err({ kind: 'usage', message: `${thrown instanceof Error ? thrown.message : String(thrown)}\n${usage}` });
	}
	const [configPath, ...extra] = parsed.positionals;
	if (configPath === undefined || extra.length > 0) return err({ kind: 'usage', message: usage });
	const paths = bridgeDeploymentPaths(parsed.values, env);
	if (!paths.ok) return err({ kind: 'usage', message: `${paths.error}\n${usage}` });
	const read = readBridgeDeployment(paths.value);
	if (!read.ok) return err({ kind: 'files', message: describeErrors(read.error) });
	const { deployment, site } = read.value;
	const file = readConfig(configPath, deployment.runtime);
	if (!file.ok) return err({ kind: 'files', message: file.error });
	const config = botConfig(file.value.config, site.document, deployment.runtime, deployment.roster);
	if (!config.ok) return err({ kind: 'files', message: config.error });
	return ok({
		config: config.value,
		warnings: file.value.warnings.map((w) => `${configPath}: ${w}`),
		label: `${rosterLabel(deployment.roster)}, site ${site.path} (${site.document.authority})`,
		site,
	});
}

/** The refusal as the bot prints it on stderr. */
export function refusalText(refusal: StartRefusal): string {
	if (refusal.kind === 'usage') return refusal.message;
	const stop = /[.!?]$/.test(refusal.message) ? '' : '.';
	return `rogatory bridge: cannot start: ${refusal.message}${stop} Mend the file and start again.`;
}
