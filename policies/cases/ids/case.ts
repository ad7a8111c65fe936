// Identifiers that belong to a case rather than to Matrix: each side's own
// reference number for the request, and the identity of a status transition
// (what a later transition names in `follows`).
import { err, ok, type Result } from '../../result.ts';
import { parseEventId, type EventId } from './matrix.ts';

/** The reference number one authority gives the request, e.g. "MP-FECO-2025-0113" or "CA/MLA/2025/041". */
export type CaseReference = string & { readonly __brand: 'CaseReference' };

/**
 * The identity of a point in the status chain: the event ID of the opening
 * event (the chain's root) or of a status-transition event.
 * NOTE: an event ID, not a client-made ID, so it is unique in the room and
 * cannot be forged to collide (room versions ≥ 3 derive it from the event's
 * hash). The price: a transition can be built only once its predecessor has
 * been sent and has its event ID.
 */
export type TransitionId = string & { readonly __brand: 'TransitionId' };

export const MAX_REFERENCE_LENGTH = 64;

// Letters and digits of any script (Cyrillic references exist), then the
// punctuation registries use. No control characters, no line breaks.
const REFERENCE = /^[\p{L}\p{N}№][\p{L}\p{N} \-_/.:#()№]*$/u;

export function parseCaseReference(value: unknown): Result<CaseReference> {
	if (typeof value !== 'string') return err('a reference must be a string');
	if (value.length === 0 || value.length > MAX_REFERENCE_LENGTH)
		return err(`a reference must be 1–${MAX_REFERENCE_LENGTH} characters long`);
	if (value.trim() !== value || !REFERENCE.test(value)) {
		return err(`"${value}" is not a reference: letters, digits, spaces and - _ / . : # ( ) № only, starting with a letter, a digit or №`);
	}
	return ok(value as CaseReference);
}

export function parseTransitionId(value: unknown): Result<TransitionId> {
	const id = parseEventId(value);
	return id.ok ? ok(transitionIdOf(id.value)) : err(`a transition ID must be an event ID: ${id.error}`);
}

/** The transition ID of the opening or transition event with this event ID. */
export const transitionIdOf = (event: EventId): TransitionId => event as string as TransitionId;

export const isCaseReference = (value: unknown): value is CaseReference => parseCaseReference(value).ok;
export const isTransitionId = (value: unknown): value is TransitionId => parseTransitionId(value).ok;
