// What a network's secretariat creates (docs/network-rooms.md): its space and
// the rooms in it, as plain data its service account carries out in order —
// 1. create the space (`plan.space.request`);
// 2. create each child with `childRoomRequest(plan, child, spaceId)`: the
//    child is `restricted` to the space's members and points back at it, so it
//    needs the space's room ID;
// 3. send into the space one `spaceChildState(roomId, child.spaceChild)` per
//    child, and per linked room (the directory room, which its keeper creates).
// The space is `knock`: members are invited (by their own authority's bridge),
// an outsider authority knocks with a reason and the secretariat answers
// (admission, issue 13). The rooms in it admit only the network's homeservers
// and the secretariat's (server ACL); the space's ACL admits the applicants'
// too, because a homeserver checks the ACL before it lets a server knock
// (Synapse's make_knock). Pure.
import { isServerName, type RoomId } from '../cases/ids/matrix.ts';
import { directoryAlias, directoryKeeper } from '../directory/room/keeper.ts';
import { err, ok, type Result } from '../result.ts';
import { partiesOnlyAcl, type ServerAclContent } from '../rooms/server-acl.ts';
import { restrictedTo } from '../rooms/service-room.ts';
import type { NetworkId, Roster } from '../roster/types.ts';
import { aliasOn, isWorkingGroupNumber, NETWORK_CHILD_KINDS, networkAliasLocalpart, type NetworkChildKind } from './kinds.ts';
import { roomMarker } from './marker.ts';
import { networkPowerUsers, networkServers, secretariatServiceAccount, serversOf, type ServerNames } from './members.ts';
import type { SpaceChildContent, SpaceParentContent } from './space-links.ts';
import { reportsRoomsPlan, type PlannedReportsRoom } from './reports.ts';
import { networkRoomRequest, type NetworkRoomRequest } from './template.ts';

export interface NetworkRoomsOptions extends ServerNames {
	/** The working groups, by number; their names are written in an encrypted event, never in server-readable state. */
	readonly workingGroups?: readonly number[];
	/**
	 * Homeservers that may knock on the space before they are in the network, beside the roster's applicants' (which the
	 * plan adds itself). The space's ACL only.
	 */
	readonly applicants?: readonly string[];
}

export interface PlannedChild {
	readonly kind: NetworkChildKind;
	/** Working groups only. */
	readonly workingGroup?: number;
	readonly aliasLocalpart: string;
	/** The full alias, on the secretariat's server. */
	readonly alias: string;
	/** What the space's `m.space.child` for this room holds. */
	readonly spaceChild: SpaceChildContent;
}

/** A room the space lists that another account creates: the directory room, kept by its keeper (docs/directory.md). */
export interface LinkedRoom {
	readonly kind: 'directory';
	readonly alias: string;
	readonly spaceChild: SpaceChildContent;
}

export interface NetworkRoomsPlan {
	readonly network: NetworkId;
	readonly secretariatServer: string;
	/** The creator of the space and of every room in it. */
	readonly serviceAccount: string;
	/** The ACL of the rooms in the space: the network's homeservers and the secretariat's. */
	readonly acl: ServerAclContent;
	/** The space's: the same, and the applicants'. */
	readonly spaceAcl: ServerAclContent;
	/** Power above 0 in every room: the bridges (invite), the staff (post, pin, take out). */
	readonly users: Readonly<Record<string, number>>;
	readonly space: { readonly alias: string; readonly request: NetworkRoomRequest };
	readonly children: readonly PlannedChild[];
	readonly linked: readonly LinkedRoom[];
	/** What every child's `m.space.parent` holds. */
	readonly spaceParent: SpaceParentContent;
	/** One reports room per authority, outside the space (reports.ts). */
	readonly reports: readonly PlannedReportsRoom[];
}

/** Where the space lists each kind (`order` sorts as text; working groups by number after the rest). */
const ORDER: Readonly<Record<NetworkChildKind | 'directory', string>> = {
	announcements: '10',
	plenary: '20',
	directory: '30',
	library: '40',
	'working-group': '50',
};

export function networkRoomsPlan(
	roster: Roster,
	network: NetworkId,
	secretariatServer: string,
	options: NetworkRoomsOptions = {},
): Result<NetworkRoomsPlan, string> {
	if (!roster.networks.some((n) => n.id === network)) return err(`no network "${network}" in the roster`);
	if (!isServerName(secretariatServer)) return err(`"${secretariatServer}" is not a server name`);
	const groups = options.workingGroups ?? [];
	const bad = groups.find((n, i) => !isWorkingGroupNumber(n) || groups.indexOf(n) !== i);
	if (bad !== undefined) return err(`working group ${bad}: a number from 1 to 9999, once each`);
	const servers = [secretariatServer, ...networkServers(roster, network, options)];
	const acl = partiesOnlyAcl(servers);
	if (!acl.ok) return err(`the rooms of ${network}: ${acl.error}`);
	const applying = (roster.networks.find((n) => n.id === network)?.applicants ?? []).flatMap((a) => serversOf(options, roster, a));
	const spaceAcl = partiesOnlyAcl([...new Set([...servers, ...applying, ...(options.applicants ?? [])])]);
	if (!spaceAcl.ok) return err(`the space of ${network}: ${spaceAcl.error}`);

	const serviceAccount = secretariatServiceAccount(network, secretariatServer);
	const users = networkPowerUsers(roster, [network], options);
	const via = [secretariatServer];
	const child = (kind: NetworkChildKind, workingGroup?: number): PlannedChild => {
		const aliasLocalpart = networkAliasLocalpart(network, kind, workingGroup);
		const order = workingGroup === undefined ? ORDER[kind] : `${ORDER[kind]}-${String(workingGroup).padStart(4, '0')}`;
		return {
			kind,
			...(workingGroup === undefined ? {} : { workingGroup }),
			aliasLocalpart,
			alias: aliasOn(aliasLocalpart, secretariatServer),
			spaceChild: { via, order, suggested: kind !== 'working-group' },
		};
	};
	const keeperAuthority = directoryKeeper(roster, network);
	const keeper = keeperAuthority === undefined ? undefined : serversOf(options, roster, keeperAuthority)[0];
	const spaceLocalpart = networkAliasLocalpart(network, 'space');
	const reports = reportsRoomsPlan(roster, network, secretariatServer, options);
	if (!reports.ok) return reports;
	return ok({
		network,
		secretariatServer,
		serviceAccount,
		acl: acl.value,
		spaceAcl: spaceAcl.value,
		users,
		space: {
			alias: aliasOn(spaceLocalpart, secretariatServer),
			request: networkRoomRequest({
				marker: roomMarker('space', [network]),
				aliasLocalpart: spaceLocalpart,
				acl: spaceAcl.value,
				joinRule: { join_rule: 'knock' },
				creator: serviceAccount,
				users,
			}),
		},
		children: [
			...NETWORK_CHILD_KINDS.filter((k) => k !== 'working-group').map((k) => child(k)),
			...[...groups].sort((a, b) => a - b).map((n) => child('working-group', n)),
		],
		linked:
			keeper === undefined
				? []
				: [
						{
							kind: 'directory',
							alias: directoryAlias(network, keeper),
							spaceChild: { via: [keeper], order: ORDER.directory, suggested: true },
						},
					],
		spaceParent: { via, canonical: true },
		reports: reports.value,
	});
}

/** The request that creates `child`, once the space exists as `space`: only the space's members join it, without an invitation. */
export function childRoomRequest(plan: NetworkRoomsPlan, child: PlannedChild, space: RoomId): NetworkRoomRequest {
	return networkRoomRequest({
		marker: roomMarker(child.kind, [plan.network], child.workingGroup),
		aliasLocalpart: child.aliasLocalpart,
		acl: plan.acl,
		joinRule: restrictedTo([space]),
		creator: plan.serviceAccount,
		users: plan.users,
		parent: { space, content: plan.spaceParent },
	});
}
