// The room a person shares with their own authority's bridge for their alert
// settings (issue 16; policies/alerts/preferences.ts), over matrix-js-sdk,
// without any UI: found by a marker in its state (which says only that it is
// the alert-settings room of that bridge: no address, nothing of a case), or
// created private and encrypted with the bridge invited — the bridge joins at
// the invitation of one of its authority's people. The settings are sent in
// it end-to-end encrypted, so the homeserver never reads the address, and read
// back from this account's own messages there.
import { err, ok, type Result } from '#policies/result.ts';
import { buildAlertPreferencesContent, parseAlertPreferences, type AlertPreferences } from '#policies/alerts/preferences.ts';
import { describeFailure, type Failure } from './failure.ts';
import type { MatrixClient, Room } from './sdk.ts';

/** The state event that marks the room (state key ''), its content `{ bridge }`. */
export const ALERT_ROOM_MARKER = 'org.rogatory.alert_room';

const NOT_YET_ENCRYPTED: Failure = { kind: 'unexpected', detail: 'this browser does not know yet that the room is encrypted; not sent' };

/** The alert-settings room with `bridge` this account is in (joined), if any. */
export function alertRoomOf(client: MatrixClient, bridge: string): Room | undefined {
	return client
		.getRooms()
		.find(
			(room) =>
				room.getMyMembership() === 'join' &&
				room.hasEncryptionStateEvent() &&
				room.currentState.getStateEvents(ALERT_ROOM_MARKER, '')?.getContent()['bridge'] === bridge,
		);
}

/**
 * The newest settings this account sent in the room that this browser can read; undefined when none. Its own
 * messages not decrypted yet (after a reload) are asked to be: a later call reads them.
 */
export function sentPreferences(client: MatrixClient, room: Room): AlertPreferences | undefined {
	const self = client.getUserId();
	let newest: AlertPreferences | undefined;
	for (const event of room.getLiveTimeline().getEvents()) {
		if (event.getSender() !== self || event.isDecryptionFailure()) continue;
		if (event.isEncrypted() && event.getType() === 'm.room.encrypted' && !event.isBeingDecrypted())
			void client.decryptEventIfNeeded(event).catch(() => undefined);
		if (event.getType() !== 'm.room.message') continue;
		const parsed = parseAlertPreferences(event.getContent());
		if (parsed.ok && (newest === undefined || parsed.value.version > newest.version)) newest = parsed.value;
	}
	return newest;
}

async function until(check: () => boolean, timeoutMs: number): Promise<boolean> {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return true;
}

/** The room, created when there is none (private, encrypted, the bridge invited). */
async function ensureAlertRoom(client: MatrixClient, bridge: string, timeoutMs: number): Promise<Result<string, Failure>> {
	const known = alertRoomOf(client, bridge);
	if (known !== undefined) return ok(known.roomId);
	let roomId: string;
	try {
		({ room_id: roomId } = await client.createRoom({
			invite: [bridge],
			preset: 'private_chat' as never,
			initial_state: [
				{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } },
				{ type: ALERT_ROOM_MARKER, state_key: '', content: { bridge } },
			],
		}));
	} catch (error) {
		return err(describeFailure(error));
	}
	// NOTE: the room key goes to the members this client knows when it encrypts: the bridge invited at least.
	const known2 = await until(() => {
		const room = client.getRoom(roomId);
		return room?.hasEncryptionStateEvent() === true && ['invite', 'join'].includes(room.getMember(bridge)?.membership ?? '');
	}, timeoutMs);
	return known2 ? ok(roomId) : err(NOT_YET_ENCRYPTED);
}

/** Sends the settings to the person's bridge, encrypted; resolves once the homeserver has them. */
export async function sendAlertPreferences(
	client: MatrixClient,
	bridge: string,
	preferences: AlertPreferences,
	timeoutMs = 30_000,
): Promise<Result<void, Failure>> {
	const room = await ensureAlertRoom(client, bridge, timeoutMs);
	if (!room.ok) return room;
	try {
		await client.sendMessage(room.value, buildAlertPreferencesContent(preferences) as never);
		return ok(undefined);
	} catch (error) {
		return err(describeFailure(error));
	}
}
