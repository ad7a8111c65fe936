// The bridge bot and who vouches for an event (issue 9, acceptance 2 and
// beyond), with the real bot process against the test federation:
// - a second device its owner never cross-signed (logged in with the
//   password) sends an encrypted move: the register does not fold it and
//   records why (the crypto refuses it: UNSIGNED_SENDER_DEVICE);
// - a counterpart whose identity changes (new cross-signing keys) sends a
//   move: the register logs it refused ('identity-changed') with the sender's
//   new master key and flags the change; a move sent by the officer's
//   unapproved identity is refused too; once a central-authority officer of the bot's
//   authority approves it (`!rogatory trust`, in an encrypted room), the next
//   move from the new identity is folded — the refused ones stay refused.
import * as sdk from 'matrix-js-sdk';
import { describe, expect, inject, it } from 'vitest';
import { transitionIdOf } from '../../policies/cases/index.ts';
import { move, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { sendCaseEvent } from '../../tests/support/case-room-node.ts';
import { homeserverOf, type FederationInfo } from '../../tests/support/federation-info.ts';
import { startNodeClient } from '../../tests/support/matrix-node-client.ts';
import { botSetup, readRegister, type BotSetup } from '../../tests/support/bot/bot-process.ts';
import { caseRoomWithBots, joined, until } from '../../tests/support/bot/bot-room.ts';
import { stoppedAfterAll } from '../../tests/support/bot/test-processes.ts';

const federation = inject('federation');
const gt = homeserverOf(federation, 'gt-mp');
const { clients, bot: startBot } = stoppedAfterAll();

interface Person {
	readonly client: sdk.MatrixClient;
	readonly password: string;
}

/** An account and a client, cross-signed (with the password for later key resets and logins). */
async function person(info: FederationInfo, hsId: string, localpart: string, password?: string): Promise<Person> {
	const hs = homeserverOf(info, hsId);
	const registered = await registerAccount(hs, localpart, password === undefined ? {} : { password });
	if (!registered.ok) throw new Error(registered.error);
	const { userId, accessToken, deviceId } = registered.value;
	const client = await startNodeClient({ userId, accessToken, deviceId, clientUrl: hs.clientUrl });
	clients.push(client);
	await resetIdentity(client, registered.value.password);
	return { client, password: registered.value.password };
}

/** New cross-signing keys for the account, signing this device (the password answers the homeserver's check). */
async function resetIdentity(client: sdk.MatrixClient, password: string): Promise<void> {
	await client.getCrypto()!.bootstrapCrossSigning({
		setupNewCrossSigning: true,
		authUploadDeviceSigningKeys: async (makeRequest) => {
			try {
				await makeRequest(null);
			} catch (e) {
				const session = (e as { data?: { session?: string } }).data?.session;
				await makeRequest({
					type: 'm.login.password',
					identifier: { type: 'm.id.user', user: client.getSafeUserId() },
					password,
					...(session === undefined ? {} : { session }),
				});
			}
		},
	});
}

const unique = (label: string): string => `${label}-${Math.random().toString(16).slice(2, 10)}`;
const rowOf = (setup: BotSetup, eventId: string) => readRegister(setup)?.snapshot.eventLog.find((r) => r.eventId === eventId);

describe('the bridge bot and who vouches for an event', () => {
	it('folds nothing from a device its owner never cross-signed, and records why', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		await startBot(setup).logged('bridge running');
		const ana = await person(federation, 'gt-mp', unique('trust-unsigned-a'));
		const amina = await person(federation, 'ng-ca', unique('trust-unsigned-b'));
		const room = await caseRoomWithBots(ana.client, amina.client, [setup.userId]);
		const opening = await sendCaseEvent(ana.client, room, OPENED);
		await until(() => rowOf(setup, opening)?.kind === 'opened', 'the opening is logged');
		expect(rowOf(setup, opening)?.verification).toBe('cross-signed');

		// Ana's second device: her password, no cross-signing signature.
		const login = await sdk.createClient({ baseUrl: gt.clientUrl }).loginRequest({
			type: 'm.login.password',
			identifier: { type: 'm.id.user', user: ana.client.getSafeUserId() },
			password: ana.password,
		});
		const second = await startNodeClient({
			userId: login.user_id,
			accessToken: login.access_token,
			deviceId: login.device_id,
			clientUrl: gt.clientUrl,
		});
		clients.push(second);
		const forged = await sendCaseEvent(second, room, move(transitionIdOf(opening), 'draft', 'sent'));
		await until(
			() => readRegister(setup)?.snapshot.undecryptable.some((u) => u.eventId === forged) === true,
			'the bot gives up on the unsigned device’s move, with the reason',
			900,
		);
		const { snapshot, verify } = readRegister(setup)!;
		expect(snapshot.undecryptable.find((u) => u.eventId === forged)).toMatchObject({ reason: 'UNSIGNED_SENDER_DEVICE' });
		expect(snapshot.eventLog.some((r) => r.eventId === forged)).toBe(false);
		expect(snapshot.cases).toEqual([expect.objectContaining({ roomId: room, status: 'draft' })]);
		expect(verify.intact).toBe(true);
	}, 240_000);

	it('refuses a counterpart whose identity changed until an officer approves it, then folds what they send', async () => {
		const setup = await botSetup(gt, federation.homeservers);
		await startBot(setup).logged('bridge running');
		const ana = await person(federation, 'gt-mp', unique('trust-changed-a'));
		const amina = await person(federation, 'ng-ca', unique('trust-changed-b'));
		const room = await caseRoomWithBots(ana.client, amina.client, [setup.userId]);
		const opening = await sendCaseEvent(ana.client, room, OPENED);
		const sent = await sendCaseEvent(ana.client, room, move(transitionIdOf(opening), 'draft', 'sent'));
		const received = await sendCaseEvent(amina.client, room, move(transitionIdOf(sent), 'sent', 'received'));
		await until(() => readRegister(setup)?.snapshot.cases.some((c) => c.status === 'received') === true, 'the bot folds the move');
		const before = rowOf(setup, received)?.senderIdentity;
		expect(before).toMatch(/^[A-Za-z0-9+/]{43}$/);

		// Amina's identity changes (new cross-signing keys, as after a lost recovery key — or an attacker's reset).
		await resetIdentity(amina.client, amina.password);
		const changed = await sendCaseEvent(amina.client, room, move(transitionIdOf(received), 'received', 'accepted'));
		await until(() => rowOf(setup, changed) !== undefined, 'the bot logs the move under the new identity', 900);
		const refused = rowOf(setup, changed)!;
		expect(refused).toMatchObject({ kind: 'rejected', rejectionCode: 'identity-changed', verification: 'identity-changed' });
		expect(refused.senderIdentity).not.toBe(before);
		let { snapshot } = readRegister(setup)!;
		expect(snapshot.cases).toEqual([expect.objectContaining({ status: 'received' })]);
		expect(snapshot.identityChanges).toEqual([
			expect.objectContaining({
				userId: amina.client.getSafeUserId(),
				identity: refused.senderIdentity,
				firstEventId: changed,
				approvedBy: null,
			}),
		]);

		// A prosecutor may not approve it; Guatemala's central-authority officer may, in an encrypted room with the bot.
		await ana.client.sendTextMessage(room, `!rogatory trust ${amina.client.getSafeUserId()}`);
		const carlos = await person(federation, 'gt-mp', 'carlos.mendez', keptPassword(gt.dataDir, 'carlos.mendez'));
		await ana.client.invite(room, carlos.client.getSafeUserId());
		await until(() => carlos.client.getRoom(room)?.getMyMembership() === 'invite', 'Carlos is invited');
		await carlos.client.joinRoom(room);
		await until(() => joined(ana.client, room, carlos.client.getSafeUserId()), 'Carlos joins');
		// NOTE: his client encrypts only once its own sync has shown the room's m.room.encryption state.
		await until(() => carlos.client.getRoom(room)?.hasEncryptionStateEvent() === true, "Carlos's client knows the room is encrypted");
		const approval = (await carlos.client.sendTextMessage(room, `!rogatory trust ${amina.client.getSafeUserId()}`)).event_id;
		await until(() => readRegister(setup)?.snapshot.identityChanges[0]?.approvedBy !== null, 'the approval is recorded', 900);
		({ snapshot } = readRegister(setup)!);
		expect(snapshot.identityChanges[0]).toMatchObject({ approvedBy: carlos.client.getSafeUserId(), approvalEventId: approval });

		// The new identity counts from now on; the move refused before stays refused.
		const accepted = await sendCaseEvent(amina.client, room, move(transitionIdOf(received), 'received', 'accepted'));
		await until(() => rowOf(setup, accepted) !== undefined, 'the bot logs the move after the approval', 900);
		expect(rowOf(setup, accepted)).toMatchObject({
			kind: 'transition',
			verification: 'cross-signed',
			senderIdentity: refused.senderIdentity,
		});
		({ snapshot } = readRegister(setup)!);
		expect(snapshot.cases).toEqual([expect.objectContaining({ status: 'accepted', head: accepted })]);
		expect(rowOf(setup, changed)).toMatchObject({ kind: 'rejected', rejectionCode: 'identity-changed' });
		expect(readRegister(setup)?.verify.intact).toBe(true);
	}, 300_000);
});
