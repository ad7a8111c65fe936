// For the tests that move a homeserver's state elsewhere (a backup and
// restore, a move off SQLite) and then read its old history again: a case
// note as the web app sends one, what a bridge's register logged, each
// event's Megolm session as the homeserver holds it, waiting until the
// account's key backup holds them all, and an event fetched from the
// homeserver and decrypted on its own.
import * as sdk from 'matrix-js-sdk';
import { buildCaseContent, rendererFor } from '../../policies/cases/index.ts';
import { readRegister, type BotSetup } from './bot/bot-process.ts';
import { until } from './bot/bot-room.ts';

export const caseNote = (text: string): Record<string, unknown> => {
	const content = buildCaseContent({ type: 'note', text }, rendererFor('en'));
	if (!content.ok) throw new Error(content.error.reason);
	return content.value as unknown as Record<string, unknown>;
};

/** The event ids the bridge's register logged, in order. */
export const loggedIds = (setup: BotSetup): string[] => readRegister(setup)?.snapshot.eventLog.map((r) => r.eventId) ?? [];

/** The Megolm session of each event, as the homeserver holds it. */
export async function sessionsOf(client: sdk.MatrixClient, room: string, ids: Iterable<string>): Promise<Set<string>> {
	const sessions = new Set<string>();
	for (const id of ids) {
		const raw = await client.fetchRoomEvent(room, id);
		sessions.add(String((raw.content as Record<string, unknown>)['session_id']));
	}
	return sessions;
}

/** The sessions the account's current key backup holds for `room`. */
export async function backedUp(client: sdk.MatrixClient, room: string): Promise<Set<string>> {
	const version = await client.getCrypto()!.getActiveSessionBackupVersion();
	if (version === null) return new Set();
	const keys = await client.http.authedRequest<{ sessions?: Record<string, unknown> }>(
		sdk.Method.Get,
		`/room_keys/keys/${encodeURIComponent(room)}`,
		{ version },
	);
	return new Set(Object.keys(keys.sessions ?? {}));
}

/** Waits until the key backup holds the session of every event of `ids` (the SDK uploads them in the background). */
export async function untilBackedUp(client: sdk.MatrixClient, room: string, ids: Iterable<string>): Promise<void> {
	const wanted = await sessionsOf(client, room, ids);
	await until(
		async () => {
			const held = await backedUp(client, room);
			return [...wanted].every((s) => held.has(s));
		},
		'the key backup holds every session',
		120,
		500,
	);
}

/** The event fetched from the homeserver and decrypted on its own (not from a timeline the client already held). */
export async function decrypted(client: sdk.MatrixClient, room: string, id: string): Promise<sdk.MatrixEvent> {
	const event = new sdk.MatrixEvent(await client.fetchRoomEvent(room, id));
	await client.decryptEventIfNeeded(event);
	return event;
}
