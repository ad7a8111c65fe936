// What this authority's bridge sends its network's secretariat as statistics
// (issue 13; policies/reports/network-stats.ts): the register's requests on
// each side (sent: it is the requesting party; received: the requested), each
// counted by registerStats, and the preservations of those requests' rooms,
// folded from the events the reminders keep. The payload builder copies
// counts and codes only; this module picks the rows. Counted over the whole
// register, whatever network the counterpart is in: the secretariat sees its
// member's cooperation with every country, by country, never by case.
import type { RoomId } from '../../policies/cases/index.ts';
import { foldPreservations, type PreservationRecord } from '../../policies/preservation/record/index.ts';
import { BUILT_IN_RULES } from '../../policies/preservation/rules.ts';
import type { PreservationRule } from '../../policies/preservation/types.ts';
import { countPreservations, networkStatsPayload, type NetworkStatsPayload } from '../../policies/reports/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId, NetworkId, Roster } from '../../policies/roster/types.ts';
import type { Register } from './register.ts';
import type { RegisterRows } from './rows.ts';
import { registerStats } from './stats.ts';
import type { RegisterError } from './types.ts';

export type RequestSide = 'requesting' | 'requested';

/** The cases where `authority` is on `side`, with their status histories. */
export function rowsOnSide(rows: RegisterRows, authority: AuthorityId, side: RequestSide): RegisterRows {
	const cases = rows.cases.filter((c) => c[side] === authority);
	const rooms = new Set(cases.map((c) => c.roomId));
	return { cases, transitions: rows.transitions.filter((t) => rooms.has(t.roomId)) };
}

/** Every preservation in the register's opened cases, folded from the events the reminders kept (register/schedule.ts). */
export function registerPreservations(
	register: Register,
	rows: RegisterRows,
	servers: ReadonlyMap<string, AuthorityId>,
	rules: readonly PreservationRule[] = BUILT_IN_RULES,
): Result<PreservationRecord[], RegisterError> {
	const rooms = register.schedule.keptRooms();
	if (!rooms.ok) return rooms;
	const cases = new Map(rows.cases.map((c) => [c.roomId, c]));
	const records: PreservationRecord[] = [];
	for (const room of rooms.value) {
		const c = cases.get(room);
		if (c === undefined || c.requesting === null || c.requested === null) continue;
		const events = register.schedule.kept(room);
		if (!events.ok) return err(events.error);
		const parties = { requesting: c.requesting as AuthorityId, requested: c.requested as AuthorityId };
		records.push(...foldPreservations(events.value, { room: room as RoomId, parties, servers, rules }).records);
	}
	return ok(records);
}

export interface NetworkStatsFor {
	readonly rows: RegisterRows;
	/** The register's preservations (registerPreservations). */
	readonly preservations: readonly PreservationRecord[];
	readonly roster: Roster;
	readonly authority: AuthorityId;
	readonly network: NetworkId;
	/** The day counted on, in the authority's legal time zone (YYYY-MM-DD). */
	readonly today: string;
	/** The clock's reading: when the payload is made and what has lapsed by then. */
	readonly now: Date;
}

export function networkStatsFor({ rows, preservations, roster, authority, network, today, now }: NetworkStatsFor): NetworkStatsPayload {
	const sideOfRoom = new Map<string, RequestSide>();
	for (const c of rows.cases) {
		if (c.requesting === authority) sideOfRoom.set(c.roomId, 'requesting');
		else if (c.requested === authority) sideOfRoom.set(c.roomId, 'requested');
	}
	const side = (s: RequestSide) => ({
		stats: registerStats({ rows: rowsOnSide(rows, authority, s), roster, authority, today }),
		preservations: countPreservations(
			preservations.filter((p) => sideOfRoom.get(p.room) === s),
			now.getTime(),
		),
	});
	return networkStatsPayload({
		authority,
		network,
		asOf: today,
		at: now.toISOString(),
		sent: side('requesting'),
		received: side('requested'),
	});
}
