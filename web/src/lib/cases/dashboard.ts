// The dashboard's logic, without any UI: which of the user's cases to show,
// how to group them, which stand out (overdue, stalled, in conflict) and a
// local search over the decrypted records — nothing of it is ever sent to a
// server. Pure functions over folded case records; `now` comes in as data.
import type { OpenedCase, RequestKind, StatusId, WorkflowRegistry } from '#policies/cases/index.ts';
import { answerByStateOf, answered, daysLeft as daysFrom, lastChangeOf, pendingAnswerBy } from '#policies/cases/index.ts';
import type { AuthorityId, Roster } from '#policies/roster/types.ts';

const DAY = 86_400_000;

export interface DashboardFilter {
	readonly kinds?: readonly RequestKind[];
	readonly statuses?: readonly StatusId[];
	/** ISO country codes of the counterpart authority. */
	readonly counterpartCountries?: readonly string[];
	readonly networks?: readonly string[];
	/** Free text, matched against titles and both references, accents and case ignored. */
	readonly query?: string;
	/** Hide answered requests (policies/cases, isAnswered): closed, executed, refused, withdrawn… */
	readonly openOnly?: boolean;
	readonly deadlines?: readonly DeadlineState[];
}

export type GroupBy = 'status' | 'kind' | 'counterpart-country' | 'network' | 'attention' | 'deadline';

export type Attention = 'conflict' | 'overdue' | 'stalled' | 'active' | 'finished';

/** Where an open request stands against its answer-by date; `none` when it has none or is finished. */
export type DeadlineState = 'overdue' | 'due-soon' | 'later' | 'none';
export const DEADLINE_STATES: readonly DeadlineState[] = ['overdue', 'due-soon', 'later', 'none'];

export interface Deadline {
	/** The answer-by date, YYYY-MM-DD. */
	readonly date: string;
	/** Whole days from the viewer's today to the date; negative once past. */
	readonly daysLeft: number;
	readonly state: DeadlineState;
}

export interface DashboardEntry {
	readonly record: OpenedCase;
	/** The authority on the other side from the viewer's. */
	readonly counterpart: AuthorityId;
	/** When the request last changed (policies/cases, lastChangeOf). */
	readonly lastActivity: number;
	readonly attention: Attention;
	readonly deadline?: Deadline;
}

export interface DashboardOptions {
	readonly roster: Roster;
	readonly workflows: WorkflowRegistry;
	/** The viewer's own authority. */
	readonly self: AuthorityId;
	readonly now: number;
	/** The viewer's calendar date in their own time zone, YYYY-MM-DD (policies/cases, calendarDate). */
	readonly today: string;
	/** Days without a status change after which an open request counts as stalled. */
	readonly stalledAfterDays: number;
	/** Days before the answer-by date from which a request is due soon. */
	readonly dueSoonDays: number;
}

function deadlineOf(record: OpenedCase, options: DashboardOptions): Deadline | undefined {
	const date = pendingAnswerBy(answerByStateOf(record), options.workflows);
	if (date === undefined) return undefined;
	const daysLeft = daysFrom(options.today, date);
	return { date, daysLeft, state: daysLeft < 0 ? 'overdue' : daysLeft <= options.dueSoonDays ? 'due-soon' : 'later' };
}

/** Lower case, without accents, so "Operación" matches "operacion". */
export function searchable(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function entryOf(record: OpenedCase, options: DashboardOptions): DashboardEntry {
	const counterpart = record.parties.requesting === options.self ? record.parties.requested : record.parties.requesting;
	const lastActivity = lastChangeOf(record);
	const done = answered(record, options.workflows);
	const deadline = deadlineOf(record, options);
	const attention: Attention =
		record.openConflict !== undefined
			? 'conflict'
			: done
				? 'finished'
				: deadline?.state === 'overdue'
					? 'overdue'
					: options.now - lastActivity > options.stalledAfterDays * DAY
						? 'stalled'
						: 'active';
	return { record, counterpart, lastActivity, attention, ...(deadline === undefined ? {} : { deadline }) };
}

function matches(entry: DashboardEntry, filter: DashboardFilter, roster: Roster): boolean {
	const { record } = entry;
	const counterpart = roster.authorities.find((a) => a.id === entry.counterpart);
	if (filter.kinds !== undefined && !filter.kinds.includes(record.kind)) return false;
	if (filter.statuses !== undefined && !filter.statuses.includes(record.status)) return false;
	if (filter.openOnly === true && entry.attention === 'finished') return false;
	if (filter.deadlines !== undefined && !filter.deadlines.includes(entry.deadline?.state ?? 'none')) return false;
	if (filter.counterpartCountries !== undefined && !filter.counterpartCountries.includes(counterpart?.country ?? '')) return false;
	if (filter.networks !== undefined && !counterpart?.memberships.some((m) => filter.networks!.includes(m.network))) return false;
	const query = searchable(filter.query?.trim() ?? '');
	if (query === '') return true;
	const haystack = searchable([record.fields.title, record.references.requesting ?? '', record.references.requested ?? ''].join('\n'));
	return query.split(/\s+/).every((word) => haystack.includes(word));
}

const ATTENTION_ORDER: readonly Attention[] = ['conflict', 'overdue', 'stalled', 'active', 'finished'];

const daysLeft = (entry: DashboardEntry): number => entry.deadline?.daysLeft ?? Number.POSITIVE_INFINITY;

/** The entries to show: those needing attention first, then the nearest answer-by date, then the most recently active. */
export function dashboard(records: readonly OpenedCase[], filter: DashboardFilter, options: DashboardOptions): DashboardEntry[] {
	return records
		.map((record) => entryOf(record, options))
		.filter((entry) => matches(entry, filter, options.roster))
		.sort(
			(a, b) =>
				ATTENTION_ORDER.indexOf(a.attention) - ATTENTION_ORDER.indexOf(b.attention) ||
				(daysLeft(a) === daysLeft(b) ? 0 : daysLeft(a) < daysLeft(b) ? -1 : 1) ||
				b.lastActivity - a.lastActivity,
		);
}

/** Groups entries (already sorted) under keys, keeping their order. */
export function groupEntries(entries: readonly DashboardEntry[], by: GroupBy, roster: Roster): Map<string, DashboardEntry[]> {
	const keyOf = (entry: DashboardEntry): string[] => {
		const counterpart = roster.authorities.find((a) => a.id === entry.counterpart);
		switch (by) {
			case 'status':
				return [entry.record.status];
			case 'kind':
				return [entry.record.kind];
			case 'counterpart-country':
				return [counterpart?.country ?? '?'];
			case 'network':
				return counterpart?.memberships.map((m) => m.network) ?? ['?'];
			case 'attention':
				return [entry.attention];
			case 'deadline':
				return [entry.deadline?.state ?? 'none'];
		}
	};
	const groups = new Map<string, DashboardEntry[]>();
	for (const entry of entries) for (const key of keyOf(entry)) groups.set(key, [...(groups.get(key) ?? []), entry]);
	return groups;
}
