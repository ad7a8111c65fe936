// For the bot's integration tests and the bridge benches: cross-signed sender
// clients (the bot trusts only cross-signed devices), a case room between
// Guatemala and Nigeria with the bots invited, and a FlowSend that keeps the
// room's event graph a single line — a side sends only once its own
// homeserver has the other side's last event, so every homeserver orders the
// room's events the same way, in /sync and in /messages alike.
import * as sdk from 'matrix-js-sdk';
import type { Side } from '#policies/cases/index.ts';
import { freshAccount } from '../accounts.ts';
import { createJoinedCaseRoom } from '../case-room-setup.ts';
import type { FederationInfo } from '../federation-info.ts';
import { startNodeClient } from '../matrix-node-client.ts';
import type { FlowSend } from './case-flow.ts';

export async function until(check: () => boolean | Promise<boolean>, what: string, tries = 1200, everyMs = 100): Promise<void> {
	for (let i = 0; i < tries; i++) {
		if (await check()) return;
		await new Promise((r) => setTimeout(r, everyMs));
	}
	throw new Error(`gave up waiting: ${what}`);
}

export async function crossSignedClient(federation: FederationInfo, hsId: string, label: string): Promise<sdk.MatrixClient> {
	const client = await startNodeClient(await freshAccount(federation, hsId, label));
	await client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: async (make) => void (await make(null)) });
	return client;
}

export const joined = (client: sdk.MatrixClient, room: string, user: string): boolean =>
	client.getRoom(room)?.getMember(user)?.membership === 'join';

/** A case room from the parties-only template, the counterpart joined and the bots invited; resolves once every member sees the bots in. */
export async function caseRoomWithBots(
	requesting: sdk.MatrixClient,
	requested: sdk.MatrixClient,
	bots: readonly string[],
): Promise<string> {
	const room = await createJoinedCaseRoom(requesting, requested);
	for (const bot of bots) await requesting.invite(room, bot);
	await until(() => bots.every((b) => joined(requesting, room, b) && joined(requested, room, b)), 'the bots join', 1800);
	return room;
}

/** Sends as the side's client; a side taking over first waits until its client has the other side's last event. */
export function linearSend(room: string, clients: Readonly<Record<Side, sdk.MatrixClient>>): FlowSend {
	let last: { side: Side; id: string } | undefined;
	const seen: Record<Side, Set<string>> = { requesting: new Set(), requested: new Set() };
	for (const side of ['requesting', 'requested'] as const) {
		clients[side].on(sdk.RoomEvent.Timeline, (event) => {
			const id = event.getId();
			if (event.getRoomId() === room && id !== undefined) seen[side].add(id);
		});
	}
	return async (side, content) => {
		const client = clients[side];
		const previous = last;
		if (previous !== undefined && previous.side !== side) {
			await until(() => seen[side].has(previous.id), `the ${side} side sees ${previous.id}`, 6000, 20);
		}
		const { event_id } = await client.sendMessage(room, content as never);
		last = { side, id: event_id };
		return event_id;
	};
}

/**
 * Joins `room` through `via`, trying again while it is refused: a restricted
 * join or an invitation is judged on the resident server's view, which may not
 * have the joiner's space membership or invitation yet just after it was made.
 */
export async function joinedEventually(client: sdk.MatrixClient, room: string, via: readonly string[], what: string): Promise<void> {
	await until(
		() =>
			client.joinRoom(room, { viaServers: [...via] }).then(
				() => true,
				() => false,
			),
		what,
		50,
		200,
	);
}
