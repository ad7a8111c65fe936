// What a preservation's clock says now: the status with `expired` computed
// from the clock (never sent as an event), and the countdown state the case
// page, the dashboard and the bridge's reminders show in words — safe, due
// soon (≤ 14 days left), lapsing (≤ 48 hours), lapsed — plus the order of
// urgency the dashboard sorts by. Pure: `now` is always passed in.
import type { PreservationRecord } from './types.ts';
import type { PreservationStatus } from './vocabulary.ts';

export const DUE_SOON_MS = 14 * 86_400_000;
export const LAPSING_MS = 48 * 3_600_000;

/** `unconfirmed`: the custodian has not confirmed, so no period runs yet; `released`: the obligation ended. */
export const COUNTDOWN_STATES = ['lapsing', 'due-soon', 'safe', 'unconfirmed', 'lapsed', 'released'] as const;
export type CountdownState = (typeof COUNTDOWN_STATES)[number];

export function countdownAt(record: PreservationRecord, now: number): CountdownState {
	if (record.released !== undefined) return 'released';
	if (record.deadline === undefined) return 'unconfirmed';
	const left = record.deadline.expiresAt - now;
	if (left < 0) return 'lapsed';
	if (left <= LAPSING_MS) return 'lapsing';
	if (left <= DUE_SOON_MS) return 'due-soon';
	return 'safe';
}

export function statusAt(record: PreservationRecord, now: number): PreservationStatus {
	return countdownAt(record, now) === 'lapsed' ? 'expired' : record.status;
}

/**
 * Most urgent first: lapsing, due soon, safe (each by expiry), then the
 * unconfirmed, the lapsed (which stay visible) and the released. Ties by id,
 * so the order never depends on the input's.
 */
export function compareUrgency(a: PreservationRecord, b: PreservationRecord, now: number): number {
	const rank = (r: PreservationRecord) => COUNTDOWN_STATES.indexOf(countdownAt(r, now));
	if (rank(a) !== rank(b)) return rank(a) - rank(b);
	const ea = a.deadline?.expiresAt ?? a.requested.at;
	const eb = b.deadline?.expiresAt ?? b.requested.at;
	if (ea !== eb) return ea - eb;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
