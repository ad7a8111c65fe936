// A case row of the bridge's register (bridge/register/schema.ts, `cases`)
// seen from the authority that keeps the register: which side it is on, who
// the counterpart is, which reference is whose, and the bridge's last check
// of the room's history (`reconciliations`).
import { answered, DEFAULT_REGISTRY, readAnswerByState } from '#policies/cases/index.ts';
import type { Roster } from '#policies/roster/types.ts';
import type { HistoryCheck, RegisterEntry } from './types.ts';

/** The columns of a register case row this page reads. */
export interface CaseRowFields {
	readonly roomId: string;
	readonly kind: string | null;
	readonly workflow: string | null;
	readonly status: string | null;
	readonly requesting: string | null;
	readonly requested: string | null;
	readonly requestingReference: string | null;
	readonly requestedReference: string | null;
	readonly title: string | null;
	readonly lastChangeAt: number | null;
	readonly respondBy: string | null;
}

/** Whether the request is answered (policies/cases, isAnswered): the same reading as the dashboard's and the statistics'. */
function answeredRow(row: CaseRowFields): boolean {
	const state = readAnswerByState(row);
	return state !== undefined && answered(state, DEFAULT_REGISTRY);
}

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

/** The columns of a register reconciliation row this page reads (bridge/register/schema.ts, `reconciliations`). */
export interface ReconciliationFields {
	readonly checkedAt: number;
	readonly complete: boolean;
	readonly missing: number;
	readonly lastCompleteAt: number | null;
}

export function historyOf(row: ReconciliationFields | undefined): HistoryCheck | undefined {
	if (row === undefined) return undefined;
	return { checkedAt: row.checkedAt, complete: row.complete, missing: row.missing, lastCompleteAt: orUndefined(row.lastCompleteAt) };
}

export function entryOf(row: CaseRowFields, self: string, roster: Roster, reconciliation?: ReconciliationFields): RegisterEntry {
	const side = row.requested === self && row.requesting !== self ? 'requested' : 'requesting';
	const counterpart = orUndefined(side === 'requesting' ? row.requested : row.requesting);
	return {
		roomId: row.roomId,
		kind: row.kind ?? 'unknown',
		status: row.status ?? 'unknown',
		finished: answeredRow(row),
		side,
		counterpart,
		counterpartCountry: roster.authorities.find((a) => a.id === counterpart)?.country,
		ourReference: orUndefined(side === 'requesting' ? row.requestingReference : row.requestedReference),
		theirReference: orUndefined(side === 'requesting' ? row.requestedReference : row.requestingReference),
		title: orUndefined(row.title),
		lastChangeAt: orUndefined(row.lastChangeAt),
		respondBy: orUndefined(row.respondBy),
		history: historyOf(reconciliation),
	};
}
