// Acceptance (foundation, 3): a user on the outsider homeserver (in no
// network) can neither join a member's room nor be invited into it. And two
// homeservers of one network (El Salvador's and Guatemala's, REFCO) federate,
// while El Salvador's does not reach Guatemala's cross-network link (issue 12). The
// refusal comes from the members' federation policy
// (federation_domain_whitelist generated from the rosters), and the test
// asserts on the refusal itself — its error — never on a time-out.
import type { MatrixClient } from 'matrix-js-sdk';
import { MatrixError } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { createEncryptedRoom, invitedTo, startNodeClient } from '../support/matrix-node-client.ts';

async function refusal(attempt: Promise<unknown>): Promise<MatrixError> {
	try {
		await attempt;
	} catch (error) {
		if (error instanceof MatrixError) return error;
		throw error;
	}
	throw new Error('the homeserver accepted what federation policy should refuse');
}

describe('the outsider homeserver', () => {
	const federation = inject('federation');
	const guatemalaServer = homeserverOf(federation, 'gt-mp').serverName;
	const outsiderServer = homeserverOf(federation, 'outsider').serverName;
	let guatemala: MatrixClient;
	let outsider: MatrixClient;
	let roomId: string;

	beforeAll(async () => {
		guatemala = await startNodeClient(await freshAccount(federation, 'gt-mp', 'prosecutor'));
		outsider = await startNodeClient(await freshAccount(federation, 'outsider', 'stranger'));
		roomId = await createEncryptedRoom(guatemala, []);
		// The room is public to join for anyone who can reach it: only federation policy stands in the way.
		await guatemala.sendStateEvent(roomId, 'm.room.join_rules' as never, { join_rule: 'public' } as never, '');
	});
	afterAll(() => {
		guatemala?.stopClient();
		outsider?.stopClient();
	});

	it('cannot be invited: the member homeserver refuses to federate with it', async () => {
		const error = await refusal(guatemala.invite(roomId, outsider.getUserId()!));
		expect(error.httpStatus).toBe(403);
		expect(error.errcode).toBe('M_FORBIDDEN');
		expect(error.data.error).toContain(`Federation denied with ${outsiderServer}`);
		const members = await guatemala.members(roomId);
		expect((members.chunk ?? []).map((m) => m.state_key)).not.toContain(outsider.getUserId());
	});

	it('cannot join: the member homeserver refuses its federation request', async () => {
		const error = await refusal(outsider.joinRoom(roomId, { viaServers: [guatemalaServer] }));
		// The outsider federates openly; it relays the member homeserver's own answer to its make_join.
		expect(error.httpStatus).toBe(403);
		expect(error.errcode).toBe('M_FORBIDDEN');
		expect(error.data.error).toContain(`Federation denied with ${outsiderServer}`);
		const members = await guatemala.members(roomId);
		expect((members.chunk ?? []).map((m) => m.state_key)).not.toContain(outsider.getUserId());
	});
});

describe('members of networks with no link between them', () => {
	const federation = inject('federation');

	it('do not federate: Guatemala (REFCO) cannot invite Kazakhstan (CASC), as the roster declares no link', async () => {
		const guatemala = await startNodeClient(await freshAccount(federation, 'gt-mp', 'prosecutor'));
		const kazakhstan = await freshAccount(federation, 'kz-gpo', 'prosecutor');
		try {
			const roomId = await createEncryptedRoom(guatemala, []);
			const error = await refusal(guatemala.invite(roomId, kazakhstan.userId));
			expect(error.httpStatus).toBe(403);
			expect(error.data.error).toContain(`Federation denied with ${homeserverOf(federation, 'kz-gpo').serverName}`);
		} finally {
			guatemala.stopClient();
		}
	});
});

describe('two members of one network', () => {
	const federation = inject('federation');

	it('federate: El Salvador (REFCO) invites Guatemala (REFCO), who joins', async () => {
		const salvador = await startNodeClient(await freshAccount(federation, 'sv-fgr', 'prosecutor'));
		const guatemala = await startNodeClient(await freshAccount(federation, 'gt-mp', 'prosecutor'));
		try {
			const roomId = await createEncryptedRoom(salvador, [guatemala.getUserId()!]);
			await invitedTo(guatemala, roomId);
			await guatemala.joinRoom(roomId);
			const members = await salvador.members(roomId);
			const joined = (members.chunk ?? []).filter((m) => m.content['membership'] === 'join').map((m) => m.state_key);
			expect(joined).toEqual(expect.arrayContaining([salvador.getUserId(), guatemala.getUserId()]));
		} finally {
			salvador.stopClient();
			guatemala.stopClient();
		}
	});

	it('do not carry each other’s links: El Salvador cannot invite Nigeria, linked to Guatemala only', async () => {
		const salvador = await startNodeClient(await freshAccount(federation, 'sv-fgr', 'prosecutor'));
		const nigeria = await freshAccount(federation, 'ng-ca', 'prosecutor');
		try {
			const roomId = await createEncryptedRoom(salvador, []);
			const error = await refusal(salvador.invite(roomId, nigeria.userId));
			expect(error.httpStatus).toBe(403);
			expect(error.data.error).toContain(`Federation denied with ${homeserverOf(federation, 'ng-ca').serverName}`);
		} finally {
			salvador.stopClient();
		}
	});
});
