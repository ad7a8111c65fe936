// The preservations the reminders schedule, read from the register: a room's
// preservation events (kept by the reminders, register/schedule.ts) folded by
// policies/preservation/record with the case's parties from the register's
// case record, then narrowed to what the scheduler needs (types.ts).
//
// Whose reminders: each party's bridge reminds its own people — those of its
// authority who requested, confirmed or extended the preservation — so a room
// with both bridges gets one reminder per side, each to the people who act on
// it. A preservation none of the bot's people touched gets no reminder from it.
// Ended: released, or a follow-up request sent under a rule whose clock then
// holds (the data stay preserved pending the decision, e.g. Budapest art. 29(7)).
import { parseUserId, serverNameOf, type CaseRecord, type RoomId } from '../../policies/cases/index.ts';
import { foldPreservations, type PreservationRecord } from '../../policies/preservation/record/index.ts';
import { BUILT_IN_RULES } from '../../policies/preservation/rules.ts';
import type { PreservationRule } from '../../policies/preservation/types.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { ScheduleStore } from '../register/index.ts';
import type { PreservationSource } from './scheduler.ts';
import type { ScheduledPreservation } from './types.ts';

export interface SourceOptions {
	readonly store: ScheduleStore;
	/** The room's case record (Register.record). */
	readonly record: (room: string) => Result<CaseRecord, { readonly message: string }>;
	readonly servers: ReadonlyMap<string, AuthorityId>;
	readonly authority: AuthorityId;
	readonly rules?: readonly PreservationRule[];
}

const LABEL_IDENTIFIERS = 3;

export function labelOf(record: PreservationRecord): string {
	const shown = record.identifiers.slice(0, LABEL_IDENTIFIERS).join(', ');
	const more = record.identifiers.length > LABEL_IDENTIFIERS ? ', …' : '';
	return `${record.custodian}: ${shown}${more}`;
}

export function scheduledOf(
	record: PreservationRecord,
	authorityOf: (user: string) => AuthorityId | undefined,
	authority: AuthorityId,
	rules: readonly PreservationRule[],
): ScheduledPreservation | undefined {
	const acted = [record.requested.by, record.confirmed?.by, ...record.extensions.map((e) => e.by)];
	const responsible = [...new Set(acted.filter((u): u is NonNullable<typeof u> => u !== undefined && authorityOf(u) === authority))];
	if (responsible.length === 0) return undefined;
	const holds = rules.find((r) => r.id === record.rule)?.events.some((e) => e.effect === 'holds') ?? false;
	const ended = record.released !== undefined || (record.followUp !== undefined && holds);
	return {
		room: record.room,
		id: record.id,
		expires: record.deadline?.expiresAt,
		zone: record.zone,
		responsible,
		label: labelOf(record),
		status: ended ? 'ended' : 'active',
	};
}

export function registerSource(options: SourceOptions): PreservationSource {
	const rules = options.rules ?? BUILT_IN_RULES;
	const authorityOf = (user: string): AuthorityId | undefined => {
		const parsed = parseUserId(user);
		return parsed.ok ? options.servers.get(serverNameOf(parsed.value)) : undefined;
	};
	return {
		rooms: () => {
			const rooms = options.store.keptRooms();
			return rooms.ok ? rooms : err(rooms.error.message);
		},
		inRoom: (room) => {
			const events = options.store.kept(room);
			if (!events.ok) return err(events.error.message);
			if (events.value.length === 0) return ok([]);
			const record = options.record(room);
			if (!record.ok) return err(record.error.message);
			const parties = record.value.opened ? record.value.parties : undefined;
			const fold = foldPreservations(events.value, { room: room as RoomId, parties, servers: options.servers, rules });
			return ok(fold.records.flatMap((r) => scheduledOf(r, authorityOf, options.authority, rules) ?? []));
		},
	};
}
