// The rooms of a network's space as the browser finds and trusts them
// (docs/network-rooms.md): their aliases on the secretariat's server, which
// of the space's children to join, whether a room is the one it claims to be
// (its kind marker, from the service account the roster names), and who
// speaks for the secretariat in it (the service account, and the staff it
// gave power 50: only the creator changes the power levels). Pure: the SDK
// side (lib/matrix/network-rooms.ts) hands in plain state contents.
import { aliasOn, networkAliasLocalpart, roomMarkerOf, SECRETARIAT_STAFF_POWER, type RoomKind } from '#policies/network/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { bridgeUserId } from '#policies/roster/bridge.ts';
import type { AuthorityId, NetworkId, Roster } from '#policies/roster/types.ts';

/** The rooms the network page reads and writes. */
export const PAGE_KINDS = ['space', 'announcements', 'plenary'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type NetworkAliases = Readonly<Record<PageKind, string>>;

/** The aliases of the space, announcements and plenary rooms on the secretariat's server. */
export function networkAliases(network: NetworkId, secretariatServer: string): NetworkAliases {
	const on = (kind: PageKind) => aliasOn(networkAliasLocalpart(network, kind), secretariatServer);
	return { space: on('space'), announcements: on('announcements'), plenary: on('plenary') };
}

export interface ChildLink {
	/** The child room's ID (the `m.space.child` state key). */
	readonly roomId: string;
	readonly content: unknown;
}

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The space's children to join, in the space's order (then room ID): those
 * with a non-empty `via` (the spec's "a child without via is not a child")
 * and `suggested` — working groups are found when looked for, not joined for
 * everyone.
 */
export function suggestedChildren(links: readonly ChildLink[]): string[] {
	const kept = links.flatMap((link) => {
		const c = link.content;
		if (!isRecord(c) || !Array.isArray(c['via']) || c['via'].length === 0 || c['suggested'] !== true) return [];
		const order = typeof c['order'] === 'string' ? c['order'] : '\u{10FFFF}';
		return [{ roomId: link.roomId, order }];
	});
	kept.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0));
	return kept.map((k) => k.roomId);
}

export type RoomCheck = { readonly kind: 'wrong-creator' | 'no-marker' | 'other-network'; readonly detail: string };

/**
 * Which room of `network` this is, from its create event: only a marker the
 * network's service account wrote counts (anyone can copy a marker), and it
 * must name this network.
 */
export function networkRoomKind(
	create: { readonly sender: string; readonly content: unknown } | undefined,
	network: NetworkId,
	serviceAccount: string,
): Result<RoomKind, RoomCheck> {
	if (create === undefined) return err({ kind: 'no-marker', detail: 'no create event in the room state' });
	if (create.sender !== serviceAccount) return err({ kind: 'wrong-creator', detail: `created by ${create.sender}` });
	const marker = roomMarkerOf(create, [serviceAccount]);
	if (!marker.ok) return err({ kind: 'no-marker', detail: marker.error });
	if (marker.value.networks.length !== 1 || marker.value.networks[0] !== network)
		return err({ kind: 'other-network', detail: `a room of ${marker.value.networks.join(', ')}` });
	return ok(marker.value.kind);
}

/**
 * Who speaks for the secretariat in a network room: the service account (its
 * creator) and the accounts the room's power levels raise to the staff's
 * power or above. NOTE: trusted because every state change, the power levels
 * included, is at 100, which only the creator holds (policies/network/template.ts).
 */
export function secretariatAccounts(powerLevels: unknown, serviceAccount: string): Set<string> {
	const accounts = new Set([serviceAccount]);
	const users = isRecord(powerLevels) ? powerLevels['users'] : undefined;
	if (isRecord(users))
		for (const [user, level] of Object.entries(users))
			if (typeof level === 'number' && level >= SECRETARIAT_STAFF_POWER) accounts.add(user);
	return accounts;
}

/** The server → authority map narrowed to the network's authorities (members and observers): whose attendance and votes count. */
export function networkServerMap(servers: ReadonlyMap<string, AuthorityId>, roster: Roster, network: NetworkId): Map<string, AuthorityId> {
	const inNetwork = new Set(roster.authorities.filter((a) => a.memberships.some((m) => m.network === network)).map((a) => a.id));
	return new Map([...servers].filter(([, authority]) => inNetwork.has(authority)));
}

/**
 * Server name → authority with one server per authority: the one this
 * deployment serves it on (the federation file's over the roster's), so that
 * the secretariat's server and service account are the ones that exist here.
 */
export function deployedServers(homeservers: ReadonlyMap<AuthorityId, string>): Map<string, AuthorityId> {
	return new Map([...homeservers].filter(([, server]) => server !== '').map(([authority, server]) => [server, authority]));
}

/**
 * Each authority of the network with its bridge's user ID on the server this
 * deployment serves it on: the only sender whose report about it counts
 * (policies/reports reportFromItsBridge).
 */
export function networkBridges(
	servers: ReadonlyMap<string, AuthorityId>,
	homeservers: ReadonlyMap<AuthorityId, string>,
	roster: Roster,
	network: NetworkId,
): Map<AuthorityId, string> {
	const authorities = new Set(networkServerMap(servers, roster, network).values());
	return new Map(
		[...homeservers].filter(([a, server]) => authorities.has(a) && server !== '').map(([a, server]) => [a, bridgeUserId(server)]),
	);
}
