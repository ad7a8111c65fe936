// What the tests that move a homeserver's state elsewhere (a backup and
// restore, a move off SQLite) check once it runs there: the officer signs in
// on a new device with their password and, with the recovery key, reads every
// old event and the attachment; the bridge resumes on its own device from its
// own position, logs the event it missed and a new one once each, and its
// register verifies whole and complete; a message goes each way with the peer.
import type * as sdk from 'matrix-js-sdk';
import { expect } from 'vitest';
import type { LocalHomeserver } from '../../deploy/local/types.ts';
import { registerAccount } from '../../deploy/local/provision.ts';
import { readRegister, verifyComplete, type BotProcess, type BotSetup, type RegisterContents } from './bot/bot-process.ts';
import { until } from './bot/bot-room.ts';
import { fetchEncryptedAttachment, type SentFile } from './case-attachment.ts';
import { caseNote, decrypted, loggedIds, sessionsOf } from './history-check.ts';
import { startRecovered } from './key-backup.ts';
import { decryptedMessage } from './matrix-node-client.ts';

/** What the officer's first device and the bridge left before the move. */
export interface Before {
	readonly localpart: string;
	readonly deviceId: string;
	readonly recoveryKey: string;
	readonly room: string;
	/** Every event of the room's history to read again, with the content it was sent with. */
	readonly history: ReadonlyMap<string, Record<string, unknown>>;
	readonly attachment: { readonly eventId: string; readonly bytes: Uint8Array };
	/** The case event sent while the bridge was stopped. */
	readonly missed: string;
	readonly bridgeDevice: string;
	readonly register: RegisterContents | undefined;
}

/** Signs the officer in on a new device and checks every old event and the attachment read with the recovery key; the client. */
export async function readsOldHistory(
	homeserver: LocalHomeserver,
	clientUrl: string,
	password: string,
	before: Before,
): Promise<sdk.MatrixClient> {
	const login = await registerAccount(homeserver, before.localpart, { password });
	if (!login.ok) throw new Error(login.error);
	expect(login.value.deviceId).not.toBe(before.deviceId);
	const recovered = await startRecovered({ ...login.value, clientUrl }, before.recoveryKey);
	const officer = recovered.client;
	const sessions = await sessionsOf(officer, before.room, [...before.history.keys(), before.attachment.eventId]);
	expect(recovered.backup).toMatchObject({ kind: 'restored' });
	if (recovered.backup.kind === 'restored') expect(recovered.backup.imported).toBeGreaterThanOrEqual(sessions.size);
	for (const [id, content] of before.history) {
		const event = await decrypted(officer, before.room, id);
		expect(event.isDecryptionFailure(), `${id}: ${event.decryptionFailureReason ?? ''}`).toBe(false);
		expect(event.getContent()).toMatchObject(content);
	}
	// The attachment: its key in the decrypted event, its ciphertext from the media store that came along.
	const file = (await decrypted(officer, before.room, before.attachment.eventId)).getContent()['file'] as SentFile;
	expect(await fetchEncryptedAttachment(officer, file)).toEqual(before.attachment.bytes);
	// The new device is cross-signed with the keys from secret storage: the bridges trust what it sends.
	const status = await officer.getCrypto()!.getDeviceVerificationStatus(login.value.userId, login.value.deviceId);
	expect(status?.crossSigningVerified).toBe(true);
	return officer;
}

/**
 * The bridge (`bridges[0]`, running as `process`) resumed from its own device
 * and position: the missed event logged once, a new one (`text`, sent by the
 * officer) once by both bridges, the earlier rows unchanged, no duplicate,
 * `verify` and `verify --complete` passing.
 */
export async function bridgeResumes(
	bridges: readonly [BotSetup, BotSetup],
	process: BotProcess,
	officer: sdk.MatrixClient,
	before: Before,
	text: string,
): Promise<void> {
	const [resumed, peer] = bridges;
	const output = process.output();
	expect(output).toContain(`device ${before.bridgeDevice}; resuming from ${before.register!.syncToken}`);
	expect(output).not.toContain('logged in as');
	await until(() => loggedIds(resumed).includes(before.missed), 'the bridge logs the event it missed', 600);

	const fresh = await officer.sendMessage(before.room, caseNote(text) as never);
	for (const bridge of bridges) await until(() => loggedIds(bridge).includes(fresh.event_id), `${bridge.userId} logs the new event`, 1200);

	const after = readRegister(resumed)!;
	expect(after.verify.intact).toBe(true);
	const rows = after.snapshot.eventLog;
	const earlier = before.register!.snapshot.eventLog;
	// The rows from before, unchanged and in place; then the missed event, then the new one; each once.
	expect(rows.slice(0, earlier.length)).toEqual(earlier);
	expect(rows.slice(earlier.length).map((r) => r.eventId)).toEqual([before.missed, fresh.event_id]);
	expect(new Set(rows.map((r) => r.eventId)).size).toBe(rows.length);
	const peerRows = loggedIds(peer);
	expect(new Set(peerRows).size).toBe(peerRows.length);
	expect(readRegister(peer)!.verify.intact).toBe(true);

	// The room's history at the homeserver, every event of it in the register.
	const complete = verifyComplete(resumed, before.room);
	expect(complete.stderr).toBe('');
	expect(complete.stdout).toMatch(new RegExp(`room ${before.room.replace(/[.!]/g, '\\$&')} complete: \\d+ events, all seen`));
	expect(complete.status).toBe(0);
}

/** A message each way between the officer's server and the peer's, each decrypted on the other side. */
export async function messageEachWay(
	officer: sdk.MatrixClient,
	peer: sdk.MatrixClient,
	room: string,
	texts: readonly [string, string],
): Promise<void> {
	const there = decryptedMessage(peer, room, (body) => body === texts[0]);
	await officer.sendTextMessage(room, texts[0]);
	expect((await there).getSender()).toBe(officer.getUserId());
	const back = decryptedMessage(officer, room, (body) => body === texts[1]);
	await peer.sendTextMessage(room, texts[1]);
	expect((await back).getSender()).toBe(peer.getUserId());
}
