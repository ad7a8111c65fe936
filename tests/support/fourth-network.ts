// The fictional fourth network's files (tests/fixtures/roster/): its roster and
// both sites with their people, copied into a fresh folder, for tests that run
// a deployment from files other than the demo's.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'roster');

export function writeFourthNetwork(): { roster: string; sites: string[] } {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-fourth-'));
	cpSync(join(FIXTURES, 'fourth-network.yaml'), join(dir, 'roster.yaml'));
	for (const id of ['xq-pps', 'xv-jd'])
		for (const kind of ['site', 'people']) cpSync(join(FIXTURES, `${id}.${kind}.yaml`), join(dir, `${id}.${kind}.yaml`));
	return { roster: join(dir, 'roster.yaml'), sites: [join(dir, 'xq-pps.site.yaml'), join(dir, 'xv-jd.site.yaml')] };
}
