// A case room between Guatemala (requesting) and Nigeria (requested) on the
// local federation, the way Rogatory sets one up: the parties-only template,
// the counterpart invited and joined, the ACL re-issued once it is in, and
// each side folding the room with the shared fold.
import type { ICreateRoomOpts, MatrixClient } from 'matrix-js-sdk';
import type { RoomId } from '../../policies/cases/index.ts';
import { caseRoomRequest } from '../../policies/rooms/case-room.ts';
import { ACL_REVISION, reissuedAcl, type ServerAclContent } from '../../policies/rooms/server-acl.ts';
import { demoRoster } from '../../policies/roster/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { freshAccount } from './accounts.ts';
import { FoldedCaseRoom } from './case-room-node.ts';
import { homeserverOf, type FederationInfo } from './federation-info.ts';
import { invitedTo, startNodeClient } from './matrix-node-client.ts';

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

export async function openCaseRoomPair(federation: FederationInfo, label: string): Promise<CaseRoomPair> {
	const gt = homeserverOf(federation, 'gt-mp');
	const ng = homeserverOf(federation, 'ng-ca');
	const requesting = await startNodeClient(await freshAccount(federation, gt.id, `${label}-gt`));
	const requested = await startNodeClient(await freshAccount(federation, ng.id, `${label}-ng`));
	const request = caseRoomRequest({ creatorServer: gt.serverName, partyServers: [ng.serverName], invite: [requested.getUserId()!] });
	if (!request.ok) throw new Error(request.error);
	const { room_id } = await requesting.createRoom(request.value as unknown as ICreateRoomOpts);
	await invitedTo(requested, room_id);
	await requested.joinRoom(room_id);
	const acl = (await requesting.getStateEvent(room_id, 'm.room.server_acl', '')) as ServerAclContent;
	await requesting.sendStateEvent(room_id, 'm.room.server_acl' as never, reissuedAcl(acl) as never, '');
	await until(async () => ((await requested.getStateEvent(room_id, 'm.room.server_acl', '')) as ServerAclContent)[ACL_REVISION] === 1);

	const context = {
		room: room_id as RoomId,
		roster: demoRoster,
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
