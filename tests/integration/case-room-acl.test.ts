// Issue 3, acceptance 2 (room level): a case room between Guatemala and
// Nigeria carries a server ACL naming only their homeservers, so a user on a
// third homeserver — Kazakhstan, which does federate with Nigeria — cannot
// join it, even when a party invites them, and so cannot read it.
import type { MatrixClient } from 'matrix-js-sdk';
import { MatrixError } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshAccount } from '../support/accounts.ts';
import { createJoinedCaseRoom } from '../support/case-room-setup.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { decryptedMessage, invitedTo, startNodeClient } from '../support/matrix-node-client.ts';

describe('a case room’s server ACL', () => {
	const federation = inject('federation');
	const [gt, ng, kz] = (['gt-mp', 'ng-ca', 'kz-gpo'] as const).map((id) => homeserverOf(federation, id));
	let guatemala: MatrixClient;
	let nigeria: MatrixClient;
	let kazakhstan: MatrixClient;
	let roomId: string;

	beforeAll(async () => {
		guatemala = await startNodeClient(await freshAccount(federation, gt!.id, 'prosecutor'));
		nigeria = await startNodeClient(await freshAccount(federation, ng!.id, 'officer'));
		kazakhstan = await startNodeClient(await freshAccount(federation, kz!.id, 'prosecutor'));
		// The template's room, with the ACL re-issued once Nigeria's homeserver is in (see ACL_REVISION).
		roomId = await createJoinedCaseRoom(guatemala, nigeria);
	});
	afterAll(() => {
		for (const client of [guatemala, nigeria, kazakhstan]) client?.stopClient();
	});

	it('names only the parties’ homeservers, as both parties see it', async () => {
		for (const client of [guatemala, nigeria]) {
			const acl = (await client.getStateEvent(roomId, 'm.room.server_acl', '')) as { allow: string[]; allow_ip_literals: boolean };
			expect([...acl.allow].sort()).toEqual([gt!.address, ng!.address, gt!.serverName, ng!.serverName].sort());
			expect(acl.allow_ip_literals).toBe(true);
		}
	});

	it('keeps a third homeserver out even when a party invites its user', async () => {
		const secret = decryptedMessage(nigeria, roomId, (b) => b === 'for the parties only');
		await guatemala.sendTextMessage(roomId, 'for the parties only');
		await secret;

		// Nigeria federates with Kazakhstan (a declared cross-network link), so the invitation itself may go out…
		await nigeria.invite(roomId, kazakhstan.getUserId()!);
		await invitedTo(kazakhstan, roomId);
		// …but the room's ACL makes the parties refuse Kazakhstan's homeserver.
		let refusal: unknown;
		try {
			await kazakhstan.joinRoom(roomId, { viaServers: [ng!.serverName, gt!.serverName] });
		} catch (error) {
			refusal = error;
		}
		expect(refusal).toBeInstanceOf(MatrixError);
		expect((refusal as MatrixError).httpStatus).toBe(403);
		expect((refusal as MatrixError).data.error).toMatch(/banned from room/i);
		const members = await guatemala.members(roomId);
		expect((members.chunk ?? []).filter((m) => m.content['membership'] === 'join').map((m) => m.state_key)).not.toContain(
			kazakhstan.getUserId(),
		);
		await expect(kazakhstan.roomInitialSync(roomId, 10)).rejects.toThrow();
	});
});
