// Which loopback address each homeserver of a profile gets. An address, once
// given, is kept (persisted in .data/<profile>/addresses.json by the caller):
// it is part of the server name, and Synapse refuses to start on a database
// made under another server name. New authorities take the lowest free octet.
import { MAX_MEMBER_OCTET, OUTSIDER_ID, OUTSIDER_OCTET } from './profiles.ts';

export type Octets = Readonly<Record<string, number>>;

/**
 * Octets for `ids` (authority ids, in roster order), keeping those in
 * `previous`. Authorities no longer in the roster keep theirs reserved, so a
 * removed-then-restored authority finds its data again.
 */
export function allocateOctets(previous: Octets, ids: readonly string[]): Octets {
	const result: Record<string, number> = { ...previous, [OUTSIDER_ID]: OUTSIDER_OCTET };
	const used = new Set(Object.values(result));
	let next = 1;
	for (const id of ids) {
		if (result[id] !== undefined) continue;
		while (used.has(next)) next += 1;
		if (next > MAX_MEMBER_OCTET) throw new Error(`more than ${MAX_MEMBER_OCTET} homeservers in one profile`);
		result[id] = next;
		used.add(next);
	}
	return result;
}
