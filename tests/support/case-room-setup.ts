// A case room between two authorities (by default Guatemala requesting from
// Nigeria) on a local federation, the way Rogatory sets one up: the parties-only template,
// the counterpart invited and joined, the ACL re-issued once it is in, and
// each side folding the room with the shared fold.
import type { ICreateRoomOpts, MatrixClient } from 'matrix-js-sdk';
import { serverNameOf, type RoomId } from '../../policies/cases/index.ts';
import { caseRoomRequest } from '../../policies/rooms/case-room.ts';
import { ACL_REVISION, reissuedAcl, type ServerAclContent } from '../../policies/rooms/server-acl.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import { freshAccount } from './accounts.ts';
import { FoldedCaseRoom } from './case-room-node.ts';
import { homeserverOf, type FederationInfo } from './federation-info.ts';
import { crossSign, invitedTo, startNodeClient } from './matrix-node-client.ts';

export interface CaseRoomPair {
	readonly roomId: RoomId;
	readonly requesting: MatrixClient;
	readonly requested: MatrixClient;
	/** Each side's fold of the room. */
	readonly requestingView: FoldedCaseRoom;
	readonly requestedView: FoldedCaseRoom;
	stop(): void;
}

async function until(check: () => Promise<boolean>): Promise<void> {
	for (let i = 0; i < 300; i++) {
		if (await check().catch(() => false)) return;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('the re-issued ACL never reached the counterpart');
}

/**
 * Creates a case room from the parties-only template on the creator's
 * homeserver, has the counterpart join, then re-issues the ACL and waits until
 * the counterpart's homeserver holds it (see ACL_REVISION). Returns the room ID.
 */
export async function createJoinedCaseRoom(creator: MatrixClient, counterpart: MatrixClient): Promise<string> {
	const serverOf = (client: MatrixClient) => serverNameOf(client.getUserId()!);
	const request = caseRoomRequest({
		creatorServer: serverOf(creator),
		partyServers: [serverOf(counterpart)],
		invite: [counterpart.getUserId()!],
	});
	if (!request.ok) throw new Error(request.error);
	const { room_id } = await creator.createRoom(request.value as unknown as ICreateRoomOpts);
	await invitedTo(counterpart, room_id);
	await counterpart.joinRoom(room_id);
	const acl = (await creator.getStateEvent(room_id, 'm.room.server_acl', '')) as ServerAclContent;
	await creator.sendStateEvent(room_id, 'm.room.server_acl' as never, reissuedAcl(acl) as never, '');
	await until(async () => ((await counterpart.getStateEvent(room_id, 'm.room.server_acl', '')) as ServerAclContent)[ACL_REVISION] === 1);
	return room_id;
}

export interface PairOptions {
	/** Default: the demo roster, Guatemala requesting from Nigeria. */
	readonly roster?: Roster;
	readonly requesting?: string;
	readonly requested?: string;
	/** Makes each account cross-sign its device first (the bridges fold only cross-signed senders). */
	readonly crossSigned?: boolean;
}

export async function openCaseRoomPair(federation: FederationInfo, label: string, options: PairOptions = {}): Promise<CaseRoomPair> {
	const gt = homeserverOf(federation, options.requesting ?? 'gt-mp');
	const ng = homeserverOf(federation, options.requested ?? 'ng-ca');
	const client = async (hs: typeof gt, suffix: string) => {
		const started = await startNodeClient(await freshAccount(federation, hs.id, `${label}-${suffix}`));
		if (options.crossSigned === true) await crossSign(started);
		return started;
	};
	const requesting = await client(gt, 'a');
	const requested = await client(ng, 'b');
	const room_id = await createJoinedCaseRoom(requesting, requested);

	const context = {
		room: room_id as RoomId,
		roster: options.roster ?? demoRoster,
		servers: new Map([
			[gt.serverName, gt.id as AuthorityId],
			[ng.serverName, ng.id as AuthorityId],
		]),
	};
	const requestingView = new FoldedCaseRoom(requesting, context);
	const requestedView = new FoldedCaseRoom(requested, context);
	return {
		roomId: room_id as RoomId,
		requesting,
		requested,
		requestingView,
		requestedView,
		stop: () => {
			requestingView.stop();
			requestedView.stop();
			requesting.stopClient();
			requested.stopClient();
		},
	};
}
