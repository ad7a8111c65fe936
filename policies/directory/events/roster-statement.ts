// Reads the roster an authority's bridge says it runs, the optional `roster`
// of its `editors` event (docs/directory.md, "Roster versions"): a positive
// whole version and the lower-case hex SHA-256 of the roster file's bytes,
// as deploy/roster/load.ts computes it. Never throws.
import { err, ok } from '../../result.ts';
import { get, object, type Read } from '../../cases/events/read.ts';
import type { RosterStatement } from '../types.ts';

const SHA256 = /^[0-9a-f]{64}$/;

export function rosterStatement(value: unknown, path: string): Read<RosterStatement> {
	const o = object(value, path);
	if (!o.ok) return o;
	const version = get(o.value, 'version');
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
		return err(`${path}.version: must be a whole number from 1`);
	const sha256 = get(o.value, 'sha256');
	if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return err(`${path}.sha256: must be 64 lower-case hexadecimal digits`);
	return ok({ version, sha256 });
}
