// When a web session is checked again with the user's homeserver, and what
// its answer means — pure, with the clock passed in. The rule:
// - a page is served without asking while the last confirmation is younger
//   than the interval; past it, the homeserver is asked on that request;
// - an export is never served without asking, whatever the interval;
// - the homeserver refusing the token, or naming another user or device,
//   ends the session at once;
// - a homeserver that cannot be reached does not end it, but does not extend
//   trust either: pages are served until the grace after the last
//   confirmation runs out, then the session is suspended (no user, no data)
//   until the homeserver confirms again; an export is refused meanwhile.
import type { RecheckSettings } from './settings.ts';
import type { WhoAmI } from './whoami.ts';

export type RecheckPurpose = 'page' | 'export';

export interface CheckTimes {
	/** When the homeserver last confirmed the token. */
	readonly confirmedAt: number;
	/** When it was last asked. */
	readonly checkedAt: number;
}

export type RecheckPlan =
	/** Confirmed recently enough: serve. */
	| 'serve'
	/** Ask the homeserver now. */
	| 'ask'
	/** Asked recently without an answer, past the grace: serve nothing. */
	| 'suspend';

export function recheckPlan(times: CheckTimes, now: number, purpose: RecheckPurpose, settings: RecheckSettings): RecheckPlan {
	if (purpose === 'export') return 'ask';
	// NOTE: a time ahead of the clock (a forged row, a clock set back) proves nothing: ask.
	if (times.confirmedAt > now || times.checkedAt > now) return 'ask';
	if (now - times.confirmedAt < settings.intervalMs) return 'serve';
	// NOTE: an unanswered check is not repeated on every request (each could
	// wait for a timeout); until the retry delay has passed the last answer stands.
	if (now - times.checkedAt < settings.retryMs) return withinGrace(times, now, settings) ? 'serve' : 'suspend';
	return 'ask';
}

/** What the homeserver said about the stored token, compared with the session. */
export type RecheckAnswer = 'same' | 'refused' | 'unreachable';

/** The same user and the same device as when the session was made; anything else is a refusal. */
export function compareAnswer(
	answer: { readonly ok: true; readonly value: WhoAmI } | { readonly ok: false; readonly error: 'rejected' | 'unreachable' },
	session: { readonly userId: string; readonly deviceId: string | undefined },
): RecheckAnswer {
	if (!answer.ok) return answer.error === 'rejected' ? 'refused' : 'unreachable';
	return answer.value.userId === session.userId && answer.value.deviceId === session.deviceId ? 'same' : 'refused';
}

export type RecheckVerdict =
	/** Confirmed: serve, and count the interval from now. */
	| 'confirmed'
	/** Refused: end the session (row deleted, cookie cleared). */
	| 'end'
	/** No answer, within the grace: serve the page. */
	| 'grace'
	/** No answer, past the grace: serve nothing until the homeserver answers. */
	| 'suspend'
	/** No answer for an export: refuse the export, keep the session. */
	| 'unconfirmed';

export function recheckVerdict(
	answer: RecheckAnswer,
	times: CheckTimes,
	now: number,
	purpose: RecheckPurpose,
	settings: RecheckSettings,
): RecheckVerdict {
	if (answer === 'same') return 'confirmed';
	if (answer === 'refused') return 'end';
	if (purpose === 'export') return 'unconfirmed';
	return withinGrace(times, now, settings) ? 'grace' : 'suspend';
}

function withinGrace(times: CheckTimes, now: number, settings: RecheckSettings): boolean {
	return now - times.confirmedAt < settings.graceMs;
}
