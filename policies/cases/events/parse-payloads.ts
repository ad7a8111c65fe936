// One reader per payload type. Each receives the payload object (already known
// to be an object with a supported `v` and `type`) and reads the keys its type
// defines. Unknown keys are ignored, so a later minor addition does not make
// older clients reject an event; incompatible changes bump `v` instead.
import { err, ok } from '../../result.ts';
import { parseTransitionId } from '../ids/case.ts';
import { parseAuthorityId, parseStatusId, parseWorkflowId } from '../ids/codes.ts';
import { parseRoomId } from '../ids/matrix.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import { LINK_ENDS, LINK_RELATIONS, REQUEST_KINDS } from '../vocabulary/request.ts';
import { parseChanges, parseFields } from './parse-fields.ts';
import { get, has, oneOf, text, via, type JsonObject, type Read } from './read.ts';
import type { Acknowledged, Amended, Link, Note, Opened, Settled, Transition } from './types.ts';

export function parseOpened(p: JsonObject, path: string): Read<Opened> {
	const kind = oneOf(REQUEST_KINDS, get(p, 'kind'), `${path}.kind`);
	if (!kind.ok) return kind;
	const workflow = via(parseWorkflowId, get(p, 'workflow'), `${path}.workflow`);
	if (!workflow.ok) return workflow;
	const requesting = via(parseAuthorityId, get(p, 'requesting'), `${path}.requesting`);
	if (!requesting.ok) return requesting;
	const requested = via(parseAuthorityId, get(p, 'requested'), `${path}.requested`);
	if (!requested.ok) return requested;
	const fields = parseFields(get(p, 'fields'), `${path}.fields`);
	if (!fields.ok) return fields;
	return ok({
		type: 'opened',
		kind: kind.value,
		workflow: workflow.value,
		requesting: requesting.value,
		requested: requested.value,
		fields: fields.value,
	});
}

export function parseAmended(p: JsonObject, path: string): Read<Amended> {
	// NOTE: unlike payload keys, an unknown key inside `changes` is refused: an
	// amendment that cannot be applied whole must not be applied in part.
	const changes = parseChanges(get(p, 'changes'), `${path}.changes`);
	if (!changes.ok) return changes;
	const reason = text(get(p, 'reason'), `${path}.reason`, LIMITS.reason);
	return reason.ok ? ok({ type: 'amended', changes: changes.value, reason: reason.value }) : reason;
}

export function parseTransition(p: JsonObject, path: string): Read<Transition> {
	const follows = via(parseTransitionId, get(p, 'follows'), `${path}.follows`);
	if (!follows.ok) return follows;
	const from = via(parseStatusId, get(p, 'from'), `${path}.from`);
	if (!from.ok) return from;
	const to = via(parseStatusId, get(p, 'to'), `${path}.to`);
	if (!to.ok) return to;
	const base = { type: 'transition', follows: follows.value, from: from.value, to: to.value } as const;
	if (!has(p, 'reason')) return ok(base);
	const reason = text(get(p, 'reason'), `${path}.reason`, LIMITS.reason);
	return reason.ok ? ok({ ...base, reason: reason.value }) : reason;
}

export function parseSettled(p: JsonObject, path: string): Read<Settled> {
	const conflictAt = via(parseTransitionId, get(p, 'conflictAt'), `${path}.conflictAt`);
	if (!conflictAt.ok) return conflictAt;
	const chosen = via(parseTransitionId, get(p, 'chosen'), `${path}.chosen`);
	if (!chosen.ok) return chosen;
	const to = via(parseStatusId, get(p, 'to'), `${path}.to`);
	if (!to.ok) return to;
	const reason = text(get(p, 'reason'), `${path}.reason`, LIMITS.reason);
	if (!reason.ok) return reason;
	return ok({ type: 'settled', conflictAt: conflictAt.value, chosen: chosen.value, to: to.value, reason: reason.value });
}

export function parseNote(p: JsonObject, path: string): Read<Note> {
	const note = text(get(p, 'text'), `${path}.text`, LIMITS.note);
	return note.ok ? ok({ type: 'note', text: note.value }) : note;
}

export function parseLink(p: JsonObject, path: string): Read<Link> {
	const relation = oneOf(LINK_RELATIONS, get(p, 'relation'), `${path}.relation`);
	if (!relation.ok) return relation;
	const target = via(parseRoomId, get(p, 'target'), `${path}.target`);
	if (!target.ok) return target;
	if (has(p, 'removed') && get(p, 'removed') !== true) return err(`${path}.removed: must be true when present`);
	const removed = has(p, 'removed') ? ({ removed: true } as const) : {};
	if (relation.value === 'related') {
		if (has(p, 'end')) return err(`${path}.end: "related" has no ends; leave "end" out`);
		return ok({ type: 'link', relation: 'related', target: target.value, ...removed });
	}
	const end = oneOf(LINK_ENDS, get(p, 'end'), `${path}.end`);
	if (!end.ok) return end;
	return ok({ type: 'link', relation: relation.value, end: end.value, target: target.value, ...removed });
}

/** Nothing to read: who and when are the envelope's. */
export const parseAcknowledged = (): Read<Acknowledged> => ok({ type: 'acknowledged' });
