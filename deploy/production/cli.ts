// Writes an authority's production config files into a directory:
//   node deploy/production/cli.ts <authority-id> <out-dir>
// Uses the project's roster (policies/roster/demo.ts until the production
// rosters land). Secrets are not generated here: create them on the host
// (see deploy/README.md).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { demoRoster } from '../../policies/roster/demo.ts';
import { generateProductionFiles } from './generate.ts';

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
