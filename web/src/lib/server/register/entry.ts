// A case row of the bridge's register (bridge/register/schema.ts, `cases`)
// seen from the authority that keeps the register: which side it is on, who
// the counterpart is, which reference is whose.
import type { Roster } from '../../../../../policies/roster/types.ts';
import type { RegisterEntry } from './types.ts';

/** The columns of a register case row this page reads. */
export interface CaseRowFields {
	readonly roomId: string;
	readonly kind: string | null;
	readonly status: string | null;
	readonly terminal: boolean | null;
	readonly requesting: string | null;
	readonly requested: string | null;
	readonly requestingReference: string | null;
	readonly requestedReference: string | null;
	readonly title: string | null;
	readonly lastChangeAt: number | null;
	readonly respondBy: string | null;
}

const orUndefined = <T>(value: T | null): T | undefined => value ?? undefined;

export function entryOf(row: CaseRowFields, self: string, roster: Roster): RegisterEntry {
	const side = row.requested === self && row.requesting !== self ? 'requested' : 'requesting';
	const counterpart = orUndefined(side === 'requesting' ? row.requested : row.requesting);
	return {
		roomId: row.roomId,
		kind: row.kind ?? 'unknown',
		status: row.status ?? 'unknown',
		finished: row.terminal ?? false,
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
