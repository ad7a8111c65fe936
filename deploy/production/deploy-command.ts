// `npm run -s rogatory -- deploy --roster <roster.yaml> --site <site.yaml> --out <dir>`
// (also `node deploy/production/cli.ts` with the same flags): writes one
// authority's production installation (generate.ts) into <dir>, and the
// secrets it names that are missing there (write-secrets.ts; existing ones
// are kept). The roster and the site are read and checked against each other
// first (policies/roster/file/), and a broken one stops it before it writes
// anything, with one paragraph naming the file, the line and the key. The
// authority is the site's. Synapse's signing key is left to Synapse
// (`--generate-keys`, README.md). The bridge's config, with its bot's
// password, is written once and kept (bridge-config.ts). Exit codes: 0 written; 1 refused after
// reading (unknown authority, an http web URL, an unsafe secrets folder);
// 2 usage or broken files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeErrors, rosterLabel } from '../../policies/roster/file/index.ts';
import { loadDeployment } from '../roster/load.ts';
import { BRIDGE_CONFIG, ensureBridgeConfig } from './bridge-config.ts';
import { generateProductionFiles } from './generate.ts';
import { ensureProductionSecrets } from './write-secrets.ts';

export const DEPLOY_USAGE = 'usage: rogatory deploy --roster <roster.yaml> --site <site.yaml> --out <dir>';

export interface DeployOutcome {
	readonly code: 0 | 1 | 2;
	readonly stdout: string;
	readonly stderr: string;
}

const refuse = (code: 1 | 2, stdout: string, reason: string): DeployOutcome => ({ code, stdout, stderr: `${reason}\n` });

export function runDeploy(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): DeployOutcome {
	let parsed;
	try {
		parsed = parseArgs({
			args: [...argv],
			options: { roster: { type: 'string' }, site: { type: 'string' }, out: { type: 'string' } },
		});
	} catch (thrown) {
		return refuse(2, '', `${thrown instanceof Error ? thrown.message : String(thrown)}\n${DEPLOY_USAGE}`);
	}
	const given = (flag: string | undefined, name: string): string | undefined => flag ?? (env[name] === '' ? undefined : env[name]);
	const rosterPath = given(parsed.values.roster, 'ROGATORY_ROSTER');
	const sitePath = given(parsed.values.site, 'ROGATORY_SITE');
	const out = parsed.values.out;
	if (rosterPath === undefined) return refuse(2, '', `name the roster file with --roster <file> (or ROGATORY_ROSTER)\n${DEPLOY_USAGE}`);
	if (sitePath === undefined || sitePath.includes(':'))
		return refuse(2, '', `name this authority's site file with --site <file> (or ROGATORY_SITE, one file)\n${DEPLOY_USAGE}`);
	if (out === undefined) return refuse(2, '', `name the folder to write with --out <dir>\n${DEPLOY_USAGE}`);
	const deployment = loadDeployment({ roster: rosterPath, sites: [sitePath] });
	if (!deployment.ok) return refuse(2, '', `rogatory: cannot start: ${describeErrors(deployment.error)} Mend the file and start again.`);
	const site = deployment.value.sites[0];
	if (site === undefined) return refuse(2, '', DEPLOY_USAGE);
	const { paths, authority, urls } = site.document;
	let stdout = `generating ${authority}'s installation from ${rosterLabel(deployment.value.roster)}\n`;
	const files = generateProductionFiles({
		roster: deployment.value.runtime,
		authority,
		rosterPath: resolve(rosterPath),
		sitePath: resolve(sitePath),
		webUrl: urls.web,
		rogatoryWritable: [...new Set([paths.data, dirname(paths.register), dirname(paths.sessions), paths.secrets])],
	});
	if (!files.ok) return refuse(1, stdout, `rogatory: ${files.error}`);
	for (const file of files.value) {
		const path = join(out, file.path);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, file.content);
		stdout += `wrote ${path}\n`;
	}
	const secrets = ensureProductionSecrets(out);
	if (!secrets.ok) return refuse(1, stdout, `rogatory: ${secrets.error}`);
	for (const path of secrets.value.created) stdout += `created secret ${path} (0600)\n`;
	for (const path of secrets.value.kept) stdout += `kept secret ${path}\n`;
	const homeserver = deployment.value.runtime.authorities.find((a) => a.id === authority)?.homeserver ?? '';
	const bridge = ensureBridgeConfig(out, homeserver, site.document.bridge.localpart);
	if (!bridge.ok) return refuse(1, stdout, `rogatory: ${bridge.error}`);
	stdout +=
		bridge.value === undefined
			? `kept the bridge's config ${join(out, BRIDGE_CONFIG)}\n`
			: `created the bridge's config ${bridge.value} (0600, a new password)\n`;
	return { code: 0, stdout, stderr: '' };
}
