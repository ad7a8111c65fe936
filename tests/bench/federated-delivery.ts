// Metric `federated_delivery`: how long an encrypted message takes from the
// moment a client on one homeserver sends it until a client on another
// homeserver has decrypted it (Guatemala → Nigeria, over TLS federation).
// Baseline, in the same run: the same path between two clients of one
// homeserver. Sends alternate between the two rooms so that machine noise
// falls on both alike.
import type { MatrixClient } from 'matrix-js-sdk';
import { freshAccount } from '../support/accounts.ts';
import type { FederationInfo } from '../support/federation-info.ts';
import { createEncryptedRoom, decryptedMessage, invitedTo, startNodeClient } from '../support/matrix-node-client.ts';
import { percentile, report } from './stats.ts';

const MESSAGES = 200;

async function pairedRoom(sender: MatrixClient, receiver: MatrixClient): Promise<string> {
	const roomId = await createEncryptedRoom(sender, [receiver.getUserId()!]);
	await invitedTo(receiver, roomId);
	await receiver.joinRoom(roomId);
	// One warm-up message: key sharing and device-list queries happen once, before timing.
	const warm = decryptedMessage(receiver, roomId, (b) => b === 'warm-up');
	await sender.sendTextMessage(roomId, 'warm-up');
	await warm;
	return roomId;
}

async function deliveryMs(sender: MatrixClient, receiver: MatrixClient, roomId: string, body: string): Promise<number> {
	const arrived = decryptedMessage(receiver, roomId, (b) => b === body);
	const t0 = performance.now();
	await sender.sendTextMessage(roomId, body);
	await arrived;
	return performance.now() - t0;
}

export async function federatedDelivery(federation: FederationInfo): Promise<void> {
	const sender = await startNodeClient(await freshAccount(federation, 'gt-mp', 'bench-sender'));
	const remote = await startNodeClient(await freshAccount(federation, 'ng-ca', 'bench-remote'));
	const local = await startNodeClient(await freshAccount(federation, 'gt-mp', 'bench-local'));
	try {
		const federatedRoom = await pairedRoom(sender, remote);
		const localRoom = await pairedRoom(sender, local);
		const federated: number[] = [];
		const sameServer: number[] = [];
		for (let i = 0; i < MESSAGES; i++) {
			federated.push(await deliveryMs(sender, remote, federatedRoom, `federated ${i}`));
			sameServer.push(await deliveryMs(sender, local, localRoom, `local ${i}`));
		}
		for (const p of [50, 95]) {
			report({
				metric: `federated_delivery.p${p}`,
				value: percentile(federated, p),
				unit: 'ms',
				baseline: percentile(sameServer, p),
				baseline_is: 'same-homeserver delivery, same run',
				n: MESSAGES,
				path: 'gt-mp → ng-ca, Megolm, Rust crypto in Node',
			});
		}
	} finally {
		for (const client of [sender, remote, local]) client.stopClient();
	}
}
