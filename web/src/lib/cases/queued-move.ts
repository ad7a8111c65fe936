// Whether a status change waiting in the outbox still applies to the case as
// it is now. It was proposed against the record the person saw (its head, or
// its open conflict); if the case moved on while it waited — the other side
// moved it while this browser was offline — sending it would only fork the
// status chain into a conflict both sides must then settle. It is refused
// here instead, and the page says what happened (outbox.ts, Refusal).
import { CASE_KEY, parseCaseEvent, type CaseRecord } from '#policies/cases/index.ts';
import type { Refusal } from './outbox.ts';

/** The refusal for a queued status change the case has moved past; undefined when it still applies (or is no status change). */
export function movedMeanwhile(record: CaseRecord | undefined, content: Readonly<Record<string, unknown>>): Refusal | undefined {
	if (!(CASE_KEY in content)) return undefined;
	const parsed = parseCaseEvent(content);
	// NOTE: a record not (yet) read whole cannot say; the fold decides then.
	if (!parsed.ok || record?.opened !== true) return undefined;
	const event = parsed.value;
	if (event.type === 'transition' && (record.head !== event.follows || record.openConflict !== undefined))
		return { kind: 'moved-meanwhile', now: record.status };
	if (event.type === 'settled' && record.openConflict?.at !== event.conflictAt) return { kind: 'moved-meanwhile', now: record.status };
	return undefined;
}
