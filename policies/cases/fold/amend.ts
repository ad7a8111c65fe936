// Amendments to a request's fields: who may change what, and applying them in
// the fold's total order (the later amendment of a field wins).
import type { Amended, CaseFields, FieldName } from '../events/types.ts';
import { rejection, type Rejection } from '../events/rejection.ts';
import type { Side } from '../vocabulary/request.ts';
import type { Parsed } from './order.ts';
import type { Amendment } from './types.ts';

/**
 * The sides allowed to change each field.
 * NOTE: each reference is that authority's own registry number, so only that
 * side sets it. The substance of the request (legal basis, offences, urgency,
 * channel) is the requesting State's to state (UNTOC art. 18(15)).
 */
export const AMENDABLE_BY: { readonly [F in FieldName]: readonly Side[] } = {
	title: ['requesting', 'requested'],
	requestingReference: ['requesting'],
	requestedReference: ['requested'],
	legalBasis: ['requesting'],
	offences: ['requesting'],
	urgency: ['requesting'],
	channel: ['requesting'],
	respondBy: ['requesting'],
};

const changed = (changes: Partial<CaseFields>): FieldName[] =>
	(Object.keys(changes) as FieldName[]).filter((f) => changes[f] !== undefined);

/** The fields after `p`, and its history entry; or why `side` may not make it. */
export function applyAmendment(
	fields: CaseFields,
	p: Parsed<Amended>,
	side: Side,
): { readonly fields: CaseFields; readonly amendment: Amendment } | Rejection {
	const names = changed(p.event.changes);
	const forbidden = names.filter((f) => !AMENDABLE_BY[f].includes(side));
	if (forbidden.length > 0) return rejection('wrong-side', `the ${side} side may not amend ${forbidden.join(', ')}`);
	const previous: Partial<CaseFields> = Object.fromEntries(names.filter((f) => fields[f] !== undefined).map((f) => [f, fields[f]]));
	return {
		fields: { ...fields, ...p.event.changes },
		amendment: { changes: p.event.changes, previous, reason: p.event.reason, eventId: p.eventId, by: p.sender, side, at: p.at },
	};
}
