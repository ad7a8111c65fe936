// The preservation-request vocabulary (issue 5): the payload types a case room
// carries for each electronic-evidence preservation, who may send each, and
// the caps on free text. A preservation is its own record inside its case
// room, identified by the event ID of its `requested` event.
// NOTE: the payload travels under its own key, not under `org.rogatory.case`:
// a case reader treats a message without the case key as chat (it shows the
// readable body and skips it), so clients that predate preservation neither
// refuse these events nor count them as notes (docs/case-events.md, section 8).
import type { Side } from '../../cases/vocabulary/request.ts';

export const PRESERVATION_KEY = 'org.rogatory.preservation' as const;
export const PRESERVATION_VERSION = 1 as const;

export const PRESERVATION_EVENT_TYPES = [
	'preservation-requested',
	'preservation-confirmed',
	'preservation-extended',
	'preservation-follow-up',
	'preservation-released',
] as const;
export type PreservationEventType = (typeof PRESERVATION_EVENT_TYPES)[number];

/**
 * Who may send each type. The requesting side asks (the request, each renewed
 * request, the follow-up MLA request); the requested side, which has the
 * custodian act, confirms the preservation with the date it took effect and
 * releases it (Budapest art. 29(3), (7); 18 U.S.C. § 2703(f)).
 */
export const SENT_BY: Readonly<Record<PreservationEventType, Side>> = {
	'preservation-requested': 'requesting',
	'preservation-confirmed': 'requested',
	'preservation-extended': 'requesting',
	'preservation-follow-up': 'requesting',
	'preservation-released': 'requested',
};

export const PRESERVATION_LIMITS = {
	custodian: 200,
	/** Accounts and identifiers (e-mail addresses, phone numbers, IPs, handles). */
	identifiers: 50,
	identifier: 300,
	/** Time ranges, as free text ("2025-01-01 to 2025-03-31 UTC"). */
	ranges: 20,
	range: 200,
	reference: 200,
	note: 2000,
} as const;

/** The statuses of a preservation; `expired` is computed from the clock, never sent. */
export const PRESERVATION_STATUSES = ['requested', 'confirmed', 'extended', 'follow-up-sent', 'released', 'expired'] as const;
export type PreservationStatus = (typeof PRESERVATION_STATUSES)[number];
