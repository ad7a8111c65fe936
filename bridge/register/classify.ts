// The verdict the log records for one event, at ingest. It is the event's own
// verdict — how it arrived, its envelope and its content — which no later
// event can change: a payload type, or 'rejected' with a code and reason:
// first the trust verdict of policies/trust (not-encrypted, unsigned-device,
// identity-changed…: the event is logged so the attempt shows, and never
// folded), then the parser's (malformed, unsupported-version,
// relation-not-allowed, invalid-envelope…). What the fold refuses because of
// other events (not-a-party, stale-from, no-opening…) can change when more
// events arrive — an event refused for want of an opening is accepted once
// the opening is in — so it lives in the derived `rejections` table,
// rewritten at each fold, not in the append-only log. Chat (content without
// the case key) is not logged at all; a preservation event
// (policies/preservation/record) is logged only when refused for how it
// arrived, so that an attempt to forge one shows in the register too.
import { parseCaseEvent, parseEventId, parseUserId } from '../../policies/cases/index.ts';
import { PRESERVATION_KEY } from '../../policies/preservation/record/vocabulary.ts';
import { arrivalLabel, type TrustVerdict } from '../../policies/trust/index.ts';

export type Verdict =
	| { readonly log: false }
	| {
			readonly log: true;
			readonly kind: string;
			readonly code: string | null;
			readonly reason: string | null;
			/** How it arrived: 'verified' or 'cross-signed' when it counts, else the trust code. */
			readonly verification: string;
	  };

export function classify(event: {
	readonly eventId: unknown;
	readonly sender: unknown;
	readonly originServerTs: unknown;
	readonly content: unknown;
	readonly trust: TrustVerdict;
}): Verdict {
	const verification = arrivalLabel(event.trust);
	const refused = (code: string, reason: string): Verdict => ({ log: true, kind: 'rejected', code, reason, verification });
	const parsed = parseCaseEvent(event.content);
	if (!parsed.ok && parsed.error.code === 'not-a-case-event' && (event.trust.counts || !isPreservationEvent(event.content)))
		return { log: false };
	const eventId = parseEventId(event.eventId);
	if (!eventId.ok) return refused('invalid-envelope', `eventId: ${eventId.error}`);
	const sender = parseUserId(event.sender);
	if (!sender.ok) return refused('invalid-envelope', `sender: ${sender.error}`);
	if (!isTimestamp(event.originServerTs))
		return refused('invalid-envelope', 'originServerTs: must be a whole number of milliseconds since 1970');
	if (!event.trust.counts) return refused(event.trust.code, event.trust.reason);
	if (!parsed.ok) return refused(parsed.error.code, parsed.error.reason);
	return { log: true, kind: parsed.value.type, code: null, reason: null, verification };
}

const isPreservationEvent = (content: unknown): boolean => typeof content === 'object' && content !== null && PRESERVATION_KEY in content;

export const isTimestamp = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
