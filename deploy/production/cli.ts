// Writes an authority's production config files into a directory, and the
// secrets they name that are missing there (secret-files.ts; existing ones
// are kept):
//   node deploy/production/cli.ts --roster <roster.yaml> <authority-id> <out-dir>
// (ROGATORY_ROSTER when --roster is left out). The roster is read and checked
// first (policies/roster/file/), and a broken one stops the generator before
// it writes anything, with one paragraph per problem naming the file, the
// line and the key. Synapse's signing key is left to Synapse
// (`--generate-keys`, see deploy/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { describeErrors, rosterLabel } from '../../policies/roster/file/index.ts';
import { usePrivateUmask } from '../process/private-umask.ts';
import { loadDeployment } from '../roster/load.ts';
import { generateProductionFiles } from './generate.ts';
import { ensureProductionSecrets } from './write-secrets.ts';

const USAGE =
	'usage: node deploy/production/cli.ts --roster <roster.yaml> <authority-id> <out-dir> (ROGATORY_ROSTER when --roster is left out)';

function usage(reason?: string): never {
	console.error(reason === undefined ? USAGE : `${reason}\n${USAGE}`);
	process.exit(2);
}

usePrivateUmask();
let parsed;
try {
	parsed = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { roster: { type: 'string' } } });
} catch (thrown) {
	usage(thrown instanceof Error ? thrown.message : String(thrown));
}
const [authority, outDir, ...extra] = parsed.positionals;
if (authority === undefined || outDir === undefined || extra.length > 0) usage();
const rosterPath = parsed.values.roster ?? process.env['ROGATORY_ROSTER'];
if (rosterPath === undefined || rosterPath === '') usage('name the roster file with --roster <file> (or ROGATORY_ROSTER)');
const deployment = loadDeployment({ roster: rosterPath, sites: [] });
if (!deployment.ok) {
	console.error(`rogatory: cannot start: ${describeErrors(deployment.error)} Mend the file and start again.`);
	process.exit(2);
}
console.log(`generating ${authority}'s configuration from ${rosterLabel(deployment.value.roster)}`);
const files = generateProductionFiles(deployment.value.runtime, authority);
if (!files.ok) {
	console.error(`rogatory: ${files.error}`);
	process.exit(1);
}
for (const file of files.value) {
	const path = join(outDir, file.path);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, file.content);
	console.log(`wrote ${path}`);
}
const secrets = ensureProductionSecrets(outDir);
if (!secrets.ok) {
	console.error(`rogatory: ${secrets.error}`);
	process.exit(1);
}
for (const path of secrets.value.created) console.log(`created secret ${path} (0600)`);
for (const path of secrets.value.kept) console.log(`kept secret ${path}`);
