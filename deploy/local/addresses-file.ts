// Persists a profile's address allocation (config/addresses.ts) so that each
// homeserver keeps its server name across runs and roster edits.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { allocateOctets, type Octets } from '../config/addresses.ts';

export function loadAndAllocate(path: string, ids: readonly string[]): Octets {
	const previous: Octets = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Octets) : {};
	const octets = allocateOctets(previous, ids);
	if (JSON.stringify(octets) !== JSON.stringify(previous)) {
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, `${JSON.stringify(octets, null, '\t')}\n`);
	}
	return octets;
}
