// Why an event was not taken into the case record: a machine code the UI can
// translate and a human reason in English that names the offending key or
// rule (STYLE.md, 4 and 8). Parsing and folding return these; they never throw.

export const REJECTION_CODES = [
	// parsing (events/parse.ts)
	'not-a-case-event',
	'malformed',
	'unsupported-version',
	'unknown-type',
	'relation-not-allowed',
	// the envelope (fold)
	'invalid-envelope',
	'duplicate-event-id',
	// who may say what (fold)
	'not-a-party',
	'wrong-side',
	// the opening (fold)
	'no-opening',
	'before-opening',
	'second-opening',
	'unknown-authority',
	'same-authority',
	'unknown-workflow',
	'kind-mismatch',
	// the status chain (fold)
	'stale-from',
	'not-allowed',
	'reason-required',
	'unreachable',
	'follows-rejected',
	'overruled',
	// settlements (fold)
	'no-conflict',
	'not-a-candidate',
	'settle-mismatch',
	'already-settled',
	'unreached',
	// links (fold)
	'not-linked',
	'self-link',
	// proposing an event (propose.ts)
	'unsettled-conflict',
] as const;

export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
	readonly code: RejectionCode;
	readonly reason: string;
}

export const rejection = (code: RejectionCode, reason: string): Rejection => ({ code, reason });
