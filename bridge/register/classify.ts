// The verdict the log records for one event, at ingest. It is the event's own
// verdict — its envelope and its content — which no later event can change:
// a payload type, or 'rejected' with the parser's code and reason (malformed,
// unsupported-version, relation-not-allowed, invalid-envelope…). What the
// fold refuses because of other events (not-a-party, stale-from, no-opening…)
// can change when more events arrive — an event refused for want of an
// opening is accepted once the opening is in — so it lives in the derived
// `rejections` table, rewritten at each fold, not in the append-only log.
// Chat (content without the case key) is not logged at all.
import { parseCaseEvent, parseEventId, parseUserId } from '../../policies/cases/index.ts';

export type Verdict =
	{ readonly log: false } | { readonly log: true; readonly kind: string; readonly code: string | null; readonly reason: string | null };

const refused = (code: string, reason: string): Verdict => ({ log: true, kind: 'rejected', code, reason });

export function classify(event: {
	readonly eventId: unknown;
	readonly sender: unknown;
	readonly originServerTs: unknown;
	readonly content: unknown;
}): Verdict {
	const parsed = parseCaseEvent(event.content);
	if (!parsed.ok && parsed.error.code === 'not-a-case-event') return { log: false };
	const eventId = parseEventId(event.eventId);
	if (!eventId.ok) return refused('invalid-envelope', `eventId: ${eventId.error}`);
	const sender = parseUserId(event.sender);
	if (!sender.ok) return refused('invalid-envelope', `sender: ${sender.error}`);
	if (!isTimestamp(event.originServerTs))
		return refused('invalid-envelope', 'originServerTs: must be a whole number of milliseconds since 1970');
	if (!parsed.ok) return refused(parsed.error.code, parsed.error.reason);
	return { log: true, kind: parsed.value.type, code: null, reason: null };
}

export const isTimestamp = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
