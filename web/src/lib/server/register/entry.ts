// A case row of the bridge's register (bridge/register/schema.ts, `cases`)
// seen from the authority that keeps the register: which side it is on, who
// the counterpart is, which reference is whose.
import { answered, DEFAULT_REGISTRY, readAnswerByState } from '#policies/cases/index.ts';
import type { Roster } from '#policies/roster/types.ts';
import type { RegisterEntry } from './types.ts';

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

export function entryOf(row: CaseRowFields, self: string, roster: Roster): RegisterEntry {
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
	};
}
