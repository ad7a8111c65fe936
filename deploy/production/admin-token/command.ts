// `rogatory admin-token --site <site.yaml> [--synapse-config <homeserver.yaml>]`:
// writes the web app's homeserver admin token to the file the site names
// (homeserver.admin_token_file), registering the admin account the first
// time (admin-token.ts); run as root once Synapse's main process runs, and
// again after a restore or a lost token. Exits 0 saying what it did, or 1
// with what to do. Wiring only.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import { loadSite } from '../../roster/load.ts';
import { DEFAULT_PRODUCTION_OPTIONS } from '../options.ts';
import { ensureAdminToken, type AdminTokenOutcome } from './admin-token.ts';
import { adminEnds } from './homeserver-ends.ts';

export const ADMIN_TOKEN_USAGE = 'usage: rogatory admin-token --site <site.yaml> [--synapse-config <homeserver.yaml>]';

const SAID: Record<AdminTokenOutcome, string> = {
	kept: 'the token in it still signs the admin account in: kept',
	registered: 'the admin account was registered and its token written',
	'signed-in-again': 'the admin account signed in again and its new token was written',
};

/** Runs `admin-token` with the arguments after it; the exit code. */
export async function runAdminTokenCommand(argv: readonly string[], log: (line: string) => void): Promise<number> {
	const fail = (why: string): number => {
		log(`rogatory admin-token: ${why}\n${ADMIN_TOKEN_USAGE}`);
		return 1;
	};
	let values: { site?: string | undefined; 'synapse-config'?: string | undefined };
	try {
		values = parseArgs({ args: [...argv], options: { site: { type: 'string' }, 'synapse-config': { type: 'string' } } }).values;
	} catch (thrown) {
		return fail(thrown instanceof Error ? thrown.message : String(thrown));
	}
	if (values.site === undefined) return fail('--site is missing');
	const site = loadSite(values.site);
	if (!site.ok) return fail(describeErrors(site.error));
	const configPath = values['synapse-config'] ?? `${DEFAULT_PRODUCTION_OPTIONS.configDir}/homeserver.yaml`;
	let config: unknown;
	try {
		config = parse(readFileSync(configPath, 'utf8'));
	} catch (thrown) {
		return fail(`cannot read ${configPath}: ${thrown instanceof Error ? thrown.message : String(thrown)} (name it with --synapse-config)`);
	}
	const ends = adminEnds(config, configPath);
	if (!ends.ok) return fail(ends.error);
	const tokenFile = site.value.document.homeserver.adminTokenFile;
	const outcome = await ensureAdminToken(ends.value, tokenFile);
	if (!outcome.ok) return fail(outcome.error);
	log(`rogatory admin-token: ${tokenFile}: ${SAID[outcome.value]}`);
	return 0;
}
