// The shapes of preservation events (vocabulary.ts) and of the record the fold
// (fold.ts) makes of them. Dates are ISO 8601 date-times WITH offset, as
// written, so the record says what the sender said.
import type { EventId, RoomId, UserId } from '../../cases/ids/matrix.ts';
import type { Side } from '../../cases/vocabulary/request.ts';
import type { Deadline } from '../deadline.ts';
import type { RuleId } from '../types.ts';
import type { PRESERVATION_KEY, PreservationStatus } from './vocabulary.ts';

export interface PreservationRequested {
	readonly type: 'preservation-requested';
	/** The custodian or service provider holding the data. */
	readonly custodian: string;
	/** Accounts and identifiers to preserve (at least one). */
	readonly identifiers: readonly string[];
	/** Time ranges, free text; may be empty (everything held). */
	readonly ranges: readonly string[];
	readonly rule: RuleId;
	/** The legal zone (IANA); required when the rule has no default zone. */
	readonly zone?: string;
	/** When the request was sent to the custodian or the requested authority. */
	readonly sent: string;
}

export interface PreservationConfirmed {
	readonly type: 'preservation-confirmed';
	readonly preservation: EventId;
	/** When the custodian preserved the data: the period runs from here. */
	readonly confirmedAt: string;
}

export interface PreservationExtended {
	readonly type: 'preservation-extended';
	readonly preservation: EventId;
	/** Which extension this is, from 1: a second event with the same number is refused, never counted twice. */
	readonly extension: number;
}

export interface PreservationFollowUp {
	readonly type: 'preservation-follow-up';
	readonly preservation: EventId;
	/** The case room of the formal MLA request, when it is in Rogatory. */
	readonly room?: RoomId;
	/** The MLA request's reference, when sent otherwise (at least one of room and reference). */
	readonly reference?: string;
}

export interface PreservationReleased {
	readonly type: 'preservation-released';
	readonly preservation: EventId;
	readonly note?: string;
}

export type PreservationEvent =
	PreservationRequested | PreservationConfirmed | PreservationExtended | PreservationFollowUp | PreservationReleased;

export interface PreservationContent {
	readonly msgtype: 'm.text' | 'm.notice';
	readonly body: string;
	readonly 'm.mentions': Record<string, never>;
	readonly [PRESERVATION_KEY]: PreservationEvent & { readonly v: 1 };
}

export interface PreservationStamp {
	readonly eventId: EventId;
	readonly by: UserId;
	readonly side: Side;
	readonly at: number;
}

export interface PreservationRecord {
	/** The event ID of the `preservation-requested` event. */
	readonly id: EventId;
	readonly room: RoomId;
	readonly requested: PreservationStamp;
	readonly custodian: string;
	readonly identifiers: readonly string[];
	readonly ranges: readonly string[];
	readonly rule: RuleId;
	readonly citation: string;
	/** The legal zone the period is counted in. */
	readonly zone: string;
	readonly sent: string;
	readonly confirmed?: PreservationStamp & { readonly confirmedAt: string };
	readonly extensions: readonly PreservationStamp[];
	/** Further extensions the rule allows; null when it sets no limit. */
	readonly extensionsLeft: number | null;
	/** The deadline from the confirmation and the extensions; absent until confirmed. */
	readonly deadline?: Deadline;
	readonly followUp?: PreservationStamp & { readonly room?: RoomId; readonly reference?: string };
	readonly released?: PreservationStamp & { readonly note?: string };
	/** The status from events alone; `expired` comes from statusAt (clock.ts). */
	readonly status: Exclude<PreservationStatus, 'expired'>;
}

export const PRESERVATION_REJECTIONS = [
	'malformed',
	'unsupported-version',
	'unknown-type',
	'relation-not-allowed',
	'invalid-envelope',
	'duplicate-event-id',
	'no-case',
	'not-a-party',
	'wrong-side',
	'unknown-rule',
	'zone-required',
	'unknown-zone',
	'unknown-preservation',
	'not-confirmed',
	'already-confirmed',
	'confirmed-in-future',
	'extension-not-allowed',
	'wrong-extension-number',
	'already-followed-up',
	'released',
	'self-link',
] as const;
export type PreservationRejectionCode = (typeof PRESERVATION_REJECTIONS)[number];

export interface PreservationRejection {
	readonly code: PreservationRejectionCode;
	readonly reason: string;
}

export interface RejectedPreservationEvent extends PreservationRejection {
	readonly eventId: string;
	readonly sender: string;
	readonly at: number;
}

export interface PreservationFold {
	readonly records: readonly PreservationRecord[];
	readonly rejected: readonly RejectedPreservationEvent[];
}
