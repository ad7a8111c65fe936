// Writes an authority's production config files into a directory, and the
// secrets they name that are missing there (secret-files.ts; existing ones
// are kept):
//   node deploy/production/cli.ts <authority-id> <out-dir>
// Uses the project's roster (policies/roster/demo.ts until the production
// rosters land). Synapse's signing key is left to Synapse (`--generate-keys`,
// see deploy/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoRoster } from '../../policies/roster/demo.ts';
import { usePrivateUmask } from '../process/private-umask.ts';
import { generateProductionFiles } from './generate.ts';
import { ensureProductionSecrets } from './write-secrets.ts';

usePrivateUmask();
const [authority, outDir] = process.argv.slice(2);
if (authority === undefined || outDir === undefined) {
	console.error('usage: node deploy/production/cli.ts <authority-id> <out-dir>');
	process.exit(2);
}
const files = generateProductionFiles(demoRoster, authority);
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
