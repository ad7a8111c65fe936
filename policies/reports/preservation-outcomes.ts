// How a preservation ended, for the network's statistics: the point of an
// expedited preservation is to hold the data until the formal MLA request
// reaches the requested authority (Budapest art. 29(3); DOMAIN.md,
// "Electronic-evidence preservation"). So a preservation is **on time** when
// its follow-up request was sent before the preservation expired (or before
// any period ran), and **lapsed** when its period ended with no follow-up and
// no release before the end. A release before expiry without a follow-up
// (the requesting side dropped it) and one still running are neither. Pure:
// `now` is passed in.
import type { PreservationRecord } from '../preservation/record/types.ts';

export const PRESERVATION_OUTCOMES = ['on-time', 'lapsed', 'released', 'running'] as const;
export type PreservationOutcome = (typeof PRESERVATION_OUTCOMES)[number];

export interface PreservationCounts {
	readonly onTime: number;
	readonly lapsed: number;
}

export function preservationOutcome(record: PreservationRecord, now: number): PreservationOutcome {
	const expires = record.deadline?.expiresAt;
	const before = (at: number) => expires === undefined || at <= expires;
	if (record.followUp !== undefined && before(record.followUp.at)) return 'on-time';
	if (record.released !== undefined && before(record.released.at)) return 'released';
	if (expires !== undefined && now > expires) return 'lapsed';
	return 'running';
}

export function countPreservations(records: Iterable<PreservationRecord>, now: number): PreservationCounts {
	let onTime = 0;
	let lapsed = 0;
	for (const record of records) {
		const outcome = preservationOutcome(record, now);
		if (outcome === 'on-time') onTime++;
		else if (outcome === 'lapsed') lapsed++;
	}
	return { onTime, lapsed };
}
