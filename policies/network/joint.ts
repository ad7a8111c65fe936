// The rooms of a pair of networks the roster links (pairs.ts): a joint space
// and a joint channel in it. Their ACL admits only the homeservers of the
// pair's parties (joint-parties.ts: the authorities its links name and the two
// secretariats' hosts) and of the two secretariats, so a member of a third
// network cannot join, even one whose authority a cross-network link ties to
// one of them, nor a member of either network that no link names (its server
// would not federate with the other network's). The first network's (roster order) secretariat creates both
// rooms; the second's service account is an additional creator (room version
// 12), so neither secretariat depends on the other. Members of either
// network's space join the joint space without an invitation, and members of
// the joint space the channel. Carried out in order, after both network spaces
// exist: create the joint space (`jointSpaceRequest`), have the second
// service account join it (a restricted join is vouched for by a server in the
// room that sees the joiner's own space), create the channel
// (`jointChannelRequest`), send its `m.space.child` into the joint space and
// the joint space's into each network space. Pure.
import { isServerName, type RoomId } from '../cases/ids/matrix.ts';
import { err, ok, type Result } from '../result.ts';
import { partiesOnlyAcl, type ServerAclContent } from '../rooms/server-acl.ts';
import { restrictedTo } from '../rooms/service-room.ts';
import type { NetworkId, Roster } from '../roster/types.ts';
import { aliasOn, jointAliasLocalpart } from './kinds.ts';
import { roomMarker } from './marker.ts';
import { jointParties } from './joint-parties.ts';
import { networkPowerUsers, secretariatServiceAccount, serversOf, type ServerNames } from './members.ts';
import { networkPair } from './pairs.ts';
import type { SpaceChildContent, SpaceParentContent } from './space-links.ts';
import { networkRoomRequest, type NetworkRoomRequest } from './template.ts';

const serverOf = (user: string): string => user.slice(user.indexOf(':') + 1);

export interface PlannedJointRoom {
	readonly aliasLocalpart: string;
	/** On the first secretariat's server. */
	readonly alias: string;
}

export interface JointRoomsPlan {
	/** The pair in roster order. */
	readonly networks: readonly [NetworkId, NetworkId];
	readonly secretariatServers: readonly [string, string];
	/** The first network's service account: sends both createRoom requests. */
	readonly creator: string;
	/** The second's: a creator too, from the first event on. */
	readonly additionalCreator: string;
	/** Only the homeservers of the pair's parties and its secretariats'. */
	readonly acl: ServerAclContent;
	readonly users: Readonly<Record<string, number>>;
	/** The joint space, and what each network space's `m.space.child` for it holds. */
	readonly space: PlannedJointRoom & { readonly inNetworkSpaces: SpaceChildContent };
	/** The joint channel, and what the joint space's `m.space.child` for it holds. */
	readonly channel: PlannedJointRoom & { readonly spaceChild: SpaceChildContent };
	readonly spaceParent: SpaceParentContent;
}

/** The plan of the pair `a`–`b` (either order), given each network's secretariat server; refused when the roster does not link them. */
export function jointRoomsPlan(
	roster: Roster,
	a: NetworkId,
	b: NetworkId,
	secretariatServers: ReadonlyMap<NetworkId, string>,
	names: ServerNames = {},
): Result<JointRoomsPlan, string> {
	const pair = networkPair(roster, a, b);
	if (pair === undefined) return err(`the roster links no authority of ${a} with one of ${b}`);
	const networks = pair.networks;
	const first = secretariatServers.get(networks[0]);
	const second = secretariatServers.get(networks[1]);
	if (first === undefined || second === undefined)
		return err(`no secretariat server for ${first === undefined ? networks[0] : networks[1]}`);
	const badServer = [first, second].find((s) => !isServerName(s));
	if (badServer !== undefined) return err(`"${badServer}" is not a server name`);
	const parties = jointParties(roster, pair).flatMap((authority) => serversOf(names, roster, authority));
	const acl = partiesOnlyAcl([first, second, ...parties]);
	if (!acl.ok) return err(`the joint rooms of ${networks.join(' and ')}: ${acl.error}`);
	const via = [first, second];
	const room = (kind: 'joint-space' | 'joint-channel'): PlannedJointRoom => {
		const aliasLocalpart = jointAliasLocalpart(networks, kind);
		return { aliasLocalpart, alias: aliasOn(aliasLocalpart, first) };
	};
	return ok({
		networks,
		secretariatServers: [first, second],
		creator: secretariatServiceAccount(networks[0], first),
		additionalCreator: secretariatServiceAccount(networks[1], second),
		acl: acl.value,
		users: Object.fromEntries(
			Object.entries(networkPowerUsers(roster, networks, names)).filter(([user]) => [first, second, ...parties].includes(serverOf(user))),
		),
		space: { ...room('joint-space'), inNetworkSpaces: { via, order: '60', suggested: false } },
		channel: { ...room('joint-channel'), spaceChild: { via, order: '10', suggested: true } },
		spaceParent: { via, canonical: true },
	});
}

/** The joint space, joined without invitation by the members of either network's space (`networkSpaces`, in the pair's order). */
export function jointSpaceRequest(plan: JointRoomsPlan, networkSpaces: readonly [RoomId, RoomId]): NetworkRoomRequest {
	return networkRoomRequest({
		marker: roomMarker('joint-space', plan.networks),
		aliasLocalpart: plan.space.aliasLocalpart,
		acl: plan.acl,
		joinRule: restrictedTo(networkSpaces),
		creator: plan.creator,
		additionalCreators: [plan.additionalCreator],
		users: plan.users,
	});
}

/** The joint channel, joined without invitation by the joint space's members. */
export function jointChannelRequest(plan: JointRoomsPlan, jointSpace: RoomId): NetworkRoomRequest {
	return networkRoomRequest({
		marker: roomMarker('joint-channel', plan.networks),
		aliasLocalpart: plan.channel.aliasLocalpart,
		acl: plan.acl,
		joinRule: restrictedTo([jointSpace]),
		creator: plan.creator,
		additionalCreators: [plan.additionalCreator],
		users: plan.users,
		parent: { space: jointSpace, content: plan.spaceParent },
	});
}
