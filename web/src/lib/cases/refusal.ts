// Why this browser refused to send what the person asked for, as a code the
// page words in the reader's language (refusal-text.ts). The English reason
// that goes with it names keys and rules for whoever debugs; it is never shown.
import type { RejectionCode } from '#policies/cases/index.ts';
import type { PreservationRejectionCode } from '#policies/preservation/record/index.ts';

/** This browser's own checks, beside the case and preservation records' rules. */
export const LOCAL_REFUSALS = [
	/** A status change of this room is still on its way; the next one must follow it. */
	'status-change-pending',
	/** The viewer's side may not amend one of the fields. */
	'not-amendable',
	/** Not a case reference (empty or too long). */
	'reference',
	/** Someone invited is on a homeserver that is not a party to the case. */
	'not-a-party-server',
	/** The requested authority has no homeserver in this deployment. */
	'no-homeserver',
	/** The file is larger than an attachment may be. */
	'too-large',
] as const;

/** The case record's rules (policies/cases), the preservation record's (policies/preservation), or this browser's. */
export type RefusalCode = RejectionCode | PreservationRejectionCode | (typeof LOCAL_REFUSALS)[number];
