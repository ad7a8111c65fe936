// One plenary's record from the events the fold kept for it: the latest
// announcement, each member's latest attendance, the participants by
// authority, the decisions in agenda order and the latest minutes with the
// decisions they cite. Inputs come sorted by (origin_server_ts, event ID), so
// "latest" is the last of a list; outputs are sorted by code units, never by
// a locale, so every reader builds the same record.
import { compareStamps } from '../../cases/fold/order.ts';
import type { UserId } from '../../cases/ids/matrix.ts';
import type { AuthorityId } from '../../roster/types.ts';
import type { Decision, PollEvent } from '../polls/types.ts';
import type { AttendanceRecord, MinutesRecord, Participants, PlenaryPayload, PlenaryRecord, Stamp } from '../types.ts';

export type PayloadEvent<T extends PlenaryPayload['type']> = PollEvent<Extract<PlenaryPayload, { type: T }>>;

export interface RecordInput {
	/** At least one; sorted. */
	readonly announcements: readonly PayloadEvent<'plenary'>[];
	/** Sorted; from network members, each with their authority. */
	readonly attendance: readonly (PayloadEvent<'attendance'> & { readonly authority: AuthorityId })[];
	readonly decisions: readonly Decision[];
	/** Sorted; the secretariat's. */
	readonly minutes: readonly PayloadEvent<'minutes'>[];
}

export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const stampOf = (e: PollEvent<unknown>): Stamp => ({ eventId: e.eventId, sender: e.sender, at: e.at });

function latestPerSender<T extends PollEvent<unknown>>(sorted: readonly T[]): T[] {
	return [...new Map(sorted.map((e) => [e.sender, e])).values()];
}

function attendanceOf(input: RecordInput): AttendanceRecord[] {
	return latestPerSender(input.attendance)
		.map((a) => ({
			...stampOf(a),
			authority: a.authority,
			attending: a.body.attending,
			...(a.body.note === undefined ? {} : { note: a.body.note }),
		}))
		.sort((a, b) => byCodeUnits(a.authority, b.authority) || byCodeUnits(a.sender, b.sender));
}

function participantsOf(attendance: readonly AttendanceRecord[]): Participants[] {
	const by = new Map<AuthorityId, UserId[]>();
	for (const a of attendance) if (a.attending) by.set(a.authority, [...(by.get(a.authority) ?? []), a.sender]);
	return [...by].map(([authority, people]) => ({ authority, people }));
}

function minutesOf(sorted: readonly PayloadEvent<'minutes'>[], decisions: readonly Decision[]): MinutesRecord | undefined {
	const last = sorted[sorted.length - 1];
	if (last === undefined) return undefined;
	const held = new Set<string>(decisions.map((d) => d.poll));
	return {
		...stampOf(last),
		text: last.body.text,
		decisions: last.body.decisions.filter((id) => held.has(id)),
		unresolved: last.body.decisions.filter((id) => !held.has(id)),
	};
}

/** The record of one plenary; undefined when it has no announcement. */
export function plenaryRecord(input: RecordInput): PlenaryRecord | undefined {
	const first = input.announcements[0];
	const last = input.announcements[input.announcements.length - 1];
	if (first === undefined || last === undefined) return undefined;
	const plenary = last.body.plenary;
	const order = new Map(plenary.agenda.map((item, i) => [item.id, i]));
	const rank = (d: Decision) => order.get(d.link.item) ?? plenary.agenda.length;
	const decisions = [...input.decisions].sort(
		(a, b) => rank(a) - rank(b) || compareStamps({ at: a.at, eventId: a.poll }, { at: b.at, eventId: b.poll }),
	);
	const attendance = attendanceOf(input);
	const minutes = minutesOf(input.minutes, decisions);
	return {
		plenary,
		announced: stampOf(first),
		updated: stampOf(last),
		attendance,
		participants: participantsOf(attendance),
		decisions,
		...(minutes === undefined ? {} : { minutes }),
	};
}
