// The secretariat's reader of its reports rooms (docs/secretariat-reports.md,
// "Receiving"), over a staff member's own cross-signed matrix-js-sdk client:
// it reads each room's whole timeline from the homeserver, decrypts each
// message, judges how it arrived with the one trust rule (bridge/matrix/arrival.ts,
// policies/trust: ARCHITECTURE.md decision 11) and hands the events to the
// pure readReports (policies/reports/reports-room.ts), with the authority the
// room's create marker names — counted only when the room was created by the
// network's service account (roomMarkerOf). Its heads become the witness file
// `verify --witness` reads (witnessFileText), its statistics the network's
// picture (networkPicture).
// NOTE: Node-side for now (the integration test, a secretariat's script); the
// dashboard will do the same in the browser over web/src/lib/matrix.
import * as sdk from 'matrix-js-sdk';
import { roomMarkerOf } from '../../policies/network/index.ts';
import { readReports, type ReportsReading, type ReportsRoomEvent } from '../../policies/reports/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { judgeArrival } from '../../policies/trust/index.ts';
import { readArrival } from './arrival.ts';
import type { RawEvent } from './sync-batch.ts';

export interface SecretariatReading extends ReportsReading {
	/** Rooms set aside whole (not a reports room of the expected service account), with why. */
	readonly rooms: readonly { readonly room: string; readonly reason: string }[];
}

/** Every message event of the room, oldest first. */
async function timeline(client: sdk.MatrixClient, room: string): Promise<RawEvent[]> {
	const events: RawEvent[] = [];
	for (let from: string | null = null; ;) {
		const page = await client.createMessagesRequest(room, from, 100, sdk.Direction.Backward);
		for (const e of page.chunk) {
			if ((e.type === 'm.room.encrypted' || e.type === 'm.room.message') && !('state_key' in e)) events.push({ ...e, room_id: room });
		}
		if (page.end === undefined || page.chunk.length === 0) break;
		from = page.end;
	}
	return events.reverse();
}

/**
 * The reports in `rooms`, as the staff's `client` reads them. `serviceAccount`:
 * the network's, which created the rooms; `bridgeOf`: each authority's bridge.
 */
export async function readReportsRooms(
	client: sdk.MatrixClient,
	rooms: readonly string[],
	serviceAccount: string,
	bridgeOf: ReadonlyMap<AuthorityId, string>,
): Promise<SecretariatReading> {
	const events: ReportsRoomEvent[] = [];
	const authorityOfRoom = new Map<string, AuthorityId>();
	const roomOfEvent = new Map<string, string>();
	const setAside: { room: string; reason: string }[] = [];
	const undecrypted: { eventId: string; reason: string }[] = [];
	for (const room of rooms) {
		const create = client.getRoom(room)?.currentState.getStateEvents(sdk.EventType.RoomCreate, '');
		const sender = create?.getSender();
		const marker =
			create === undefined || create === null || sender === undefined
				? ({ ok: false, error: 'its create event is not known to this client' } as const)
				: roomMarkerOf({ sender, content: create.getContent() }, [serviceAccount]);
		if (!marker.ok || marker.value.kind !== 'reports' || marker.value.authority === undefined) {
			setAside.push({ room, reason: marker.ok ? `a ${marker.value.kind} room, not a reports room` : marker.error });
			continue;
		}
		authorityOfRoom.set(room, marker.value.authority);
		for (const raw of await timeline(client, room)) {
			const read = await readArrival(client, raw);
			const eventId = raw.event_id;
			const from = typeof raw['sender'] === 'string' ? raw['sender'] : '';
			if (!read.ok) {
				undecrypted.push({ eventId, reason: `not decrypted (${read.reason}): this client holds no key for it` });
				continue;
			}
			events.push({ eventId, sender: from, type: read.type, content: read.content, verdict: judgeArrival(read.arrival) });
			roomOfEvent.set(eventId, room);
		}
	}
	const reading = readReports(events, bridgeOf, (e) => authorityOfRoom.get(roomOfEvent.get(e.eventId) ?? ''));
	return { ...reading, ignored: [...undecrypted, ...reading.ignored], rooms: setAside };
}
