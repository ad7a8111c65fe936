// Statistics an authority reports to its network (issue 4): its requests by
// kind, status, counterpart country and network, the median days spent in
// each status, and how many are overdue. A pure function of the register's
// rows, the roster and the day it is asked on — no hidden clock.
import { DEFAULT_REGISTRY, isOverdue, readAnswerByState, type WorkflowRegistry } from '../../policies/cases/index.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import type { CaseRow, RegisterRows } from './rows.ts';

const DAY_MS = 86_400_000;

export interface StageTime {
	/** Median days spent in the status, over every completed stay in it. */
	readonly medianDays: number;
	readonly stays: number;
}

export interface RegisterStats {
	readonly total: number;
	/** Which side the authority is on: requests it sent, requests it received. */
	readonly bySide: Readonly<Record<string, number>>;
	readonly byKind: Readonly<Record<string, number>>;
	readonly byStatus: Readonly<Record<string, number>>;
	/** ISO country of the other party; "unknown" when the roster does not list it. */
	readonly byCounterpartCountry: Readonly<Record<string, number>>;
	/** Networks the other party belongs to (a request counts once in each); "none" for an authority in none. */
	readonly byNetwork: Readonly<Record<string, number>>;
	readonly medianDaysPerStage: Readonly<Record<string, StageTime>>;
	/** Cases past their respondBy date (before `today`) and not answered (policies/cases, isOverdue). */
	readonly overdue: { readonly total: number; readonly byKind: Readonly<Record<string, number>>; readonly rooms: readonly string[] };
}

export interface StatsInput {
	readonly rows: RegisterRows;
	readonly roster: Roster;
	/** The register's own authority: the counterpart is the other party. */
	readonly authority: AuthorityId;
	/** The day to count overdue cases on (YYYY-MM-DD, in the authority's legal time zone). */
	readonly today: string;
	/** The workflows the cases name; the default ones when left out. */
	readonly workflows?: WorkflowRegistry;
}

export function registerStats({ rows, roster, authority, today, workflows = DEFAULT_REGISTRY }: StatsInput): RegisterStats {
	const count = (keys: (c: CaseRow) => readonly string[]): Record<string, number> => tally(rows.cases.flatMap(keys));
	const counterpart = (c: CaseRow) => (c.requesting === authority ? c.requested : c.requesting);
	const listed = (c: CaseRow) => roster.authorities.find((a) => a.id === counterpart(c));
	const overdue = rows.cases.filter((c) => {
		const state = readAnswerByState(c);
		return state !== undefined && isOverdue(state, workflows, today);
	});
	return {
		total: rows.cases.length,
		bySide: count((c) => [c.requesting === authority ? 'requesting' : c.requested === authority ? 'requested' : 'not-a-party']),
		byKind: count((c) => [c.kind ?? 'unknown']),
		byStatus: count((c) => [c.status ?? 'unknown']),
		byCounterpartCountry: count((c) => [listed(c)?.country ?? 'unknown']),
		byNetwork: count((c) => {
			const networks = [...new Set(listed(c)?.memberships.map((m) => m.network) ?? [])];
			return networks.length === 0 ? ['none'] : networks;
		}),
		medianDaysPerStage: stageTimes(rows),
		overdue: { total: overdue.length, byKind: tally(overdue.map((c) => c.kind ?? 'unknown')), rooms: overdue.map((c) => c.roomId) },
	};
}

/**
 * Each stay in a status: from the transition into it (the opening, for the
 * first status) to the transition out of it. The current status's stay is
 * still running and is not counted.
 * NOTE: timestamps come from two homeservers' clocks; a transition stamped
 * before its predecessor counts as a stay of 0 days, not a negative one.
 */
function stageTimes(rows: RegisterRows): Record<string, StageTime> {
	const stays = new Map<string, number[]>();
	const openedAt = new Map(rows.cases.map((c) => [c.roomId, c.openedAt]));
	let room = '';
	let enteredAt: number | null = null;
	for (const t of rows.transitions) {
		if (!openedAt.has(t.roomId)) continue;
		if (t.roomId !== room) {
			room = t.roomId;
			enteredAt = openedAt.get(room) ?? null;
		}
		if (enteredAt !== null) {
			const list = stays.get(t.fromStatus) ?? [];
			list.push(Math.max(0, t.at - enteredAt) / DAY_MS);
			stays.set(t.fromStatus, list);
		}
		enteredAt = t.at;
	}
	const out: Record<string, StageTime> = {};
	for (const status of [...stays.keys()].sort()) {
		const days = stays.get(status) ?? [];
		out[status] = { medianDays: median(days), stays: days.length };
	}
	return out;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function tally(keys: readonly string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const key of [...keys].sort()) out[key] = (out[key] ?? 0) + 1;
	return out;
}
