// What a new roster version changes for the networks (docs/roster-updates.md):
// the authorities it adds to and removes from each network, and the
// authorities whose homeserver appears, disappears or moves — the changes that
// regenerate federation allowlists and network rooms' server ACLs. The
// administrator sees them before applying ("roster version 4 is available:
// adds Honduras to REFCO"). Pure.
import type { AuthorityEntry, RosterDocument } from '../roster/file/roster-document.ts';

export interface NetworkChange {
	readonly network: string;
	/** Authority ids, in the new roster's order. */
	readonly added: readonly string[];
	/** Authority ids, in the old roster's order. */
	readonly removed: readonly string[];
}

export interface RosterChange {
	readonly from: number;
	readonly to: number;
	/** Networks whose membership changed, in the new roster's order (then networks it dropped). */
	readonly networks: readonly NetworkChange[];
	/** Authorities whose homeserver (server name) is new, gone or different. */
	readonly homeservers: readonly string[];
	/** Cross-network links added or removed, each as its two authority ids in order. */
	readonly links: { readonly added: readonly (readonly [string, string])[]; readonly removed: readonly (readonly [string, string])[] };
}

const membersOf = (roster: RosterDocument, network: string): AuthorityEntry[] =>
	roster.authorities.filter((a) => a.memberships.some((m) => m.network === network));
const linkKey = (between: readonly [string, string]): string => [...between].sort().join(' ');
const pairOf = (key: string): readonly [string, string] => {
	const [a = '', b = ''] = key.split(' ');
	return [a, b];
};

export function rosterChange(before: RosterDocument, after: RosterDocument): RosterChange {
	const networkIds = [...new Set([...after.networks.map((n) => n.id), ...before.networks.map((n) => n.id)])];
	const networks = networkIds.flatMap((network): NetworkChange[] => {
		const was = new Set(membersOf(before, network).map((a) => a.id));
		const is = new Set(membersOf(after, network).map((a) => a.id));
		const added = membersOf(after, network)
			.filter((a) => !was.has(a.id))
			.map((a) => a.id);
		const removed = membersOf(before, network)
			.filter((a) => !is.has(a.id))
			.map((a) => a.id);
		return added.length === 0 && removed.length === 0 ? [] : [{ network, added, removed }];
	});
	const serverOf = (roster: RosterDocument, id: string): string | undefined =>
		roster.authorities.find((a) => a.id === id)?.homeserver?.serverName.toLowerCase();
	const ids = [...new Set([...after.authorities.map((a) => a.id), ...before.authorities.map((a) => a.id)])];
	const homeservers = ids.filter((id) => serverOf(before, id) !== serverOf(after, id));
	const wasLinked = new Set(before.links.map((l) => linkKey(l.between)));
	const isLinked = new Set(after.links.map((l) => linkKey(l.between)));
	return {
		from: before.version,
		to: after.version,
		networks,
		homeservers,
		links: {
			added: [...isLinked].filter((l) => !wasLinked.has(l)).map(pairOf),
			removed: [...wasLinked].filter((l) => !isLinked.has(l)).map(pairOf),
		},
	};
}
