// A case room's whole history as the homeserver holds it, read for
// `verify --complete` (issue 14; bridge/register/completeness.ts compares it
// with the register): /messages dir=b from the room's end (no `from`) to its
// start, with no `to`, so the homeserver backfills what federation left out,
// as the bridge's own passes do (backfill.ts). Kept to what the bridge hands
// on: message events (m.room.message, m.room.encrypted), not state, not the
// bridge's own. Plain fetch with the bridge's access token — no client, no
// crypto store: the comparison is by event ID. Failures are values.
import { err, ok, type Result } from '../../policies/result.ts';
import type { HistoryEvent } from '../register/completeness.ts';
import { isBridgedType } from './sync-batch.ts';

export interface HistoryAccess {
	/** Client-server API base, the bridge config's homeserverUrl. */
	readonly homeserverUrl: string;
	readonly accessToken: string;
	/** The bridge's user ID: its own events are not bridged. */
	readonly self: string;
	readonly fetch: typeof fetch;
	/** At most this many pages of 100 events (default 2,000: 200,000 events). */
	readonly maxPages?: number;
}

export interface RoomHistory {
	/** Newest first, each once. */
	readonly events: readonly HistoryEvent[];
	/** When the reading started (ms since the epoch). */
	readonly readAt: number;
	readonly pages: number;
}

/** The bridged events of one /messages chunk (pure). */
export function bridgedOf(chunk: unknown, self: string): HistoryEvent[] {
	if (!Array.isArray(chunk)) return [];
	const out: HistoryEvent[] = [];
	for (const value of chunk as unknown[]) {
		if (typeof value !== 'object' || value === null) continue;
		const e = value as Record<string, unknown>;
		if (typeof e['event_id'] !== 'string' || 'state_key' in e || !isBridgedType(e['type']) || e['sender'] === self) continue;
		out.push({
			eventId: e['event_id'],
			sender: typeof e['sender'] === 'string' ? e['sender'] : '',
			originServerTs: typeof e['origin_server_ts'] === 'number' ? e['origin_server_ts'] : 0,
			type: String(e['type']),
		});
	}
	return out;
}

/** Why a homeserver's answer ends the reading, as a sentence (pure). */
export function refusalOf(status: number, body: unknown, room: string, access: Pick<HistoryAccess, 'homeserverUrl' | 'self'>): string {
	const errcode =
		typeof body === 'object' && body !== null && typeof (body as Record<string, unknown>)['errcode'] === 'string'
			? String((body as Record<string, unknown>)['errcode'])
			: undefined;
	const at = `${access.homeserverUrl}`;
	if (status === 401 || errcode === 'M_UNKNOWN_TOKEN')
		return `${at} does not accept the bridge's access token (${errcode ?? status}): its session is no longer valid; restart the bridge, which signs in again`;
	if (status === 403)
		return `the bridge (${access.self}) is not in room ${room}, or may not read its history (${at} answered ${errcode ?? status}): is it a case room of this authority?`;
	if (status === 404) return `${at} knows no room ${room} (${errcode ?? status})`;
	return `${at} answered ${status}${errcode === undefined ? '' : ` ${errcode}`} for room ${room}'s history; try again later`;
}

export async function readRoomHistory(
	access: HistoryAccess,
	room: string,
	now: () => number = Date.now,
): Promise<Result<RoomHistory, string>> {
	const readAt = now();
	const maxPages = access.maxPages ?? 2000;
	const seen = new Set<string>();
	const events: HistoryEvent[] = [];
	let from: string | undefined;
	for (let pages = 1; pages <= maxPages; pages++) {
		const query = new URLSearchParams({ dir: 'b', limit: '100', ...(from === undefined ? {} : { from }) });
		const url = `${access.homeserverUrl.replace(/\/+$/, '')}/_matrix/client/v3/rooms/${encodeURIComponent(room)}/messages?${query}`;
		let response: Response;
		let body: unknown;
		try {
			response = await access.fetch(url, { headers: { authorization: `Bearer ${access.accessToken}` } });
			body = await response.json().catch(() => undefined);
		} catch (e) {
			return err(`the homeserver ${access.homeserverUrl} cannot be reached: ${e instanceof Error ? e.message : String(e)}`);
		}
		if (!response.ok) return err(refusalOf(response.status, body, room, access));
		const page = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
		const chunk = Array.isArray(page['chunk']) ? (page['chunk'] as unknown[]) : [];
		for (const event of bridgedOf(chunk, access.self)) {
			if (seen.has(event.eventId)) continue;
			seen.add(event.eventId);
			events.push(event);
		}
		const end = page['end'];
		// The room's start: no `end`, an empty chunk, or the same token again.
		if (typeof end !== 'string' || chunk.length === 0 || end === from) return ok({ events, readAt, pages });
		from = end;
	}
	return err(`room ${room}'s history is longer than ${maxPages} pages of 100 events: not read to its start`);
}
