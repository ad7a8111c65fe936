// Acceptance (issue 13, 3): a person leaves office. Their authority's
// administrator deactivates the account through the web server's executor
// (web/src/lib/server/offboarding/offboard.ts) with a homeserver admin
// token: first the last-administrator guard refuses while the person alone
// holds a room's power, naming that room; once handed over, the account can
// no longer sign in, has no devices, is in no room, and the case room it was
// in keeps carrying encrypted messages between the others, encrypted to no
// device of the departed person.
import * as sdk from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { registerAccount, type Account } from '../../deploy/local/provision.ts';
import { requestJson } from '../../deploy/local/http.ts';
import { offboard } from '../../web/src/lib/server/offboarding/offboard.ts';
import { joinedRooms } from '../../web/src/lib/server/offboarding/synapse-admin.ts';
import { until } from '../support/bot/bot-room.ts';
import { freshAccount } from '../support/accounts.ts';
import { homeserverOf } from '../support/federation-info.ts';
import { decryptedMessage, invitedTo, startNodeClient } from '../support/matrix-node-client.ts';
import { randomBytes } from 'node:crypto';

const MEGOLM = { type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } };

describe('offboarding a person', () => {
	const federation = inject('federation');
	const guatemala = homeserverOf(federation, 'gt-mp');
	let admin: Account;
	let ana: Account;
	let a: sdk.MatrixClient;
	let b: sdk.MatrixClient;
	let c: sdk.MatrixClient;

	beforeAll(async () => {
		const tag = randomBytes(4).toString('hex');
		const registeredAdmin = await registerAccount(guatemala, `offboard-admin-${tag}`, { admin: true });
		const registeredAna = await registerAccount(guatemala, `leaving-${tag}`);
		if (!registeredAdmin.ok || !registeredAna.ok) throw new Error('could not register the accounts');
		admin = registeredAdmin.value;
		ana = registeredAna.value;
		a = await startNodeClient({ ...ana, clientUrl: guatemala.clientUrl });
		b = await startNodeClient(await freshAccount(federation, 'sv-fgr', 'counterpart'));
		c = await startNodeClient(await freshAccount(federation, 'gt-mp', 'colleague'));
	});
	afterAll(() => {
		for (const client of [a, b, c]) client?.stopClient();
	});

	const executor = (ended: string[]) => ({
		admin: { clientUrl: guatemala.clientUrl, adminToken: admin.accessToken },
		endWebSessions: (userId: string) => {
			ended.push(userId);
			return 0;
		},
	});

	let caseRoom = '';
	let soloRoom = '';
	let keyBefore: unknown;
	const ended: string[] = [];

	it('refuses while the person alone may change a room, naming it, and changes nothing', async () => {
		const anaId = ana.userId;
		const bId = b.getUserId()!;
		const cId = c.getUserId()!;

		// A case-like room: encrypted, the counterpart holds power as well. (Room
		// version 12, Synapse's default: Ana is its creator, with power that must
		// not be written in `users`.)
		caseRoom = (
			await a.createRoom({
				preset: sdk.Preset.PrivateChat,
				invite: [bId, cId],
				initial_state: [MEGOLM],
				power_level_content_override: { users: { [bId]: 100 }, events: { 'm.room.power_levels': 100 } },
			})
		).room_id;
		// A room only Ana may change; her colleague is in it at 0.
		soloRoom = (await a.createRoom({ preset: sdk.Preset.PrivateChat, invite: [cId], initial_state: [MEGOLM] })).room_id;
		await invitedTo(b, caseRoom);
		await b.joinRoom(caseRoom);
		await invitedTo(c, caseRoom);
		await c.joinRoom(caseRoom);
		await invitedTo(c, soloRoom);
		await c.joinRoom(soloRoom);

		const before = decryptedMessage(a, caseRoom, (body) => body === 'before');
		await b.sendTextMessage(caseRoom, 'before');
		keyBefore = (await before).getWireContent()['session_id'];
		expect(typeof keyBefore).toBe('string');

		// The guard: nothing happens while Ana is the soloRoom's last administrator.
		const refused = await offboard(anaId, executor(ended));
		expect(refused).toEqual({ ok: true, value: { kind: 'hand-over-first', rooms: [soloRoom] } });
		expect(ended).toEqual([]);
		const stillIn = await joinedRooms({ clientUrl: guatemala.clientUrl, adminToken: admin.accessToken }, anaId);
		expect(stillIn.ok && [...stillIn.value].sort()).toEqual([caseRoom, soloRoom].sort());
	});

	it('after the hand-over, deactivates the account: no sign-in, no device, no room', async () => {
		const anaId = ana.userId;
		// Ana hands the room over; now she may go.
		await a.setPowerLevel(soloRoom, c.getUserId()!, 100);
		a.stopClient();
		const done = await offboard(anaId, executor(ended));
		expect(done.ok).toBe(true);
		if (!done.ok || done.value.kind !== 'deactivated') throw new Error(`not deactivated: ${JSON.stringify(done)}`);
		expect([...done.value.rooms].sort()).toEqual([caseRoom, soloRoom].sort());
		expect(done.value.devicesLeft).toEqual([]);
		expect(done.value.roomsLeft).toEqual([]);
		expect(ended).toEqual([anaId]);

		// She can no longer sign in, and her old token is dead.
		const login = await requestJson('POST', `${guatemala.clientUrl}/_matrix/client/v3/login`, {
			body: { type: 'm.login.password', identifier: { type: 'm.id.user', user: anaId }, password: ana.password },
		});
		expect(login.ok).toBe(false);
		expect(!login.ok && login.error.status).toBe(403);
		const whoami = await requestJson('GET', `${guatemala.clientUrl}/_matrix/client/v3/account/whoami`, { accessToken: ana.accessToken });
		expect(!whoami.ok && whoami.error.status).toBe(401);
	});

	it('keeps the case room working between the others, encrypted to no device of hers', { timeout: 240_000 }, async () => {
		const anaId = ana.userId;
		// The counterpart sees her leave.
		await until(() => b.getRoom(caseRoom)?.getMember(anaId)?.membership === sdk.KnownMembership.Leave, 'B to see Ana leave');
		// What B's homeserver answers a client of B asking for Ana's device keys:
		// none. (Asked of B's own client, getUserDeviceInfo kept listing her old
		// device for minutes in our runs: it keeps its copy of a user it no
		// longer shares a room with, and never encrypts to such a user anyway.)
		const sanSalvador = homeserverOf(federation, 'sv-fgr');
		await until(async () => {
			const keys = await requestJson('POST', `${sanSalvador.clientUrl}/_matrix/client/v3/keys/query`, {
				accessToken: b.getAccessToken()!,
				body: { device_keys: { [anaId]: [] } },
			});
			const devices = keys.ok ? (keys.value['device_keys'] as Record<string, Record<string, unknown>> | undefined)?.[anaId] : undefined;
			return devices !== undefined && Object.keys(devices).length === 0;
		}, "Ana's device keys to be gone from B's homeserver");
		expect(
			b
				.getRoom(caseRoom)!
				.getJoinedMembers()
				.map((m) => m.userId),
		).not.toContain(anaId);

		// The case goes on between the others, encrypted.
		const toC = decryptedMessage(c, caseRoom, (body) => body === 'after, from B');
		await b.sendTextMessage(caseRoom, 'after, from B');
		const afterFromB = await toC;
		expect(afterFromB.isEncrypted()).toBe(true);
		// B's client started a new room key once Ana left: the one she held does not open it.
		expect(afterFromB.getWireContent()['session_id']).not.toBe(keyBefore);
		const toB = decryptedMessage(b, caseRoom, (body) => body === 'after, from C');
		await c.sendTextMessage(caseRoom, 'after, from C');
		expect((await toB).isEncrypted()).toBe(true);
	});
});
