// Acceptance (foundation, 2): a user on the Guatemala homeserver creates an
// encrypted room and invites a user on the Nigeria homeserver; both send and
// decrypt messages with matrix-js-sdk's Rust crypto running in Node, over
// real federation (TLS, certificates verified against the local CA).
import type { MatrixClient } from 'matrix-js-sdk';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freshAccount } from '../support/accounts.ts';
import { createEncryptedRoom, decryptedMessage, invitedTo, startNodeClient } from '../support/matrix-node-client.ts';

describe('an encrypted room across two member homeservers', () => {
	const federation = inject('federation');
	let guatemala: MatrixClient;
	let nigeria: MatrixClient;

	beforeAll(async () => {
		guatemala = await startNodeClient(await freshAccount(federation, 'gt-mp', 'prosecutor'));
		nigeria = await startNodeClient(await freshAccount(federation, 'ng-ca', 'officer'));
	});
	afterAll(() => {
		guatemala?.stopClient();
		nigeria?.stopClient();
	});

	it('carries messages both ways, encrypted and decrypted on each side', async () => {
		const nigeriaId = nigeria.getUserId()!;
		const roomId = await createEncryptedRoom(guatemala, [nigeriaId]);
		await invitedTo(nigeria, roomId);
		await nigeria.joinRoom(roomId);

		const fromGuatemala = decryptedMessage(nigeria, roomId, (body) => body === 'Solicitud de asistencia: ¿recibido?');
		await guatemala.sendTextMessage(roomId, 'Solicitud de asistencia: ¿recibido?');
		const received = await fromGuatemala;
		expect(received.getSender()).toBe(guatemala.getUserId());
		expect(received.isEncrypted()).toBe(true);
		expect(received.getWireType()).toBe('m.room.encrypted');

		const fromNigeria = decryptedMessage(guatemala, roomId, (body) => body === 'Received, under review.');
		await nigeria.sendTextMessage(roomId, 'Received, under review.');
		const answer = await fromNigeria;
		expect(answer.getSender()).toBe(nigeriaId);
		expect(answer.isEncrypted()).toBe(true);
	});
});
