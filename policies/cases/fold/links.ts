// Links between requests, folded in the total order: a link event adds a link
// (or replaces it, if the same relation to the same room exists), a removal
// event removes it.
import type { RoomId } from '../ids/matrix.ts';
import type { Link } from '../events/types.ts';
import { rejection, type Rejection } from '../events/rejection.ts';
import type { Side } from '../vocabulary/request.ts';
import type { Parsed } from './order.ts';
import type { CaseLink } from './types.ts';

const keyOf = (link: { readonly relation: string; readonly target: string }) => `${link.relation} ${link.target}`;

/** The links after `p`; or why it cannot apply. */
export function applyLink(links: readonly CaseLink[], p: Parsed<Link>, side: Side, room: RoomId): readonly CaseLink[] | Rejection {
	const e = p.event;
	if (e.target === room) return rejection('self-link', 'a request cannot be linked to itself');
	const key = keyOf(e);
	const others = links.filter((l) => keyOf(l) !== key);
	if (e.removed === true) {
		return others.length === links.length ? rejection('not-linked', `there is no ${e.relation} link to ${e.target} to remove`) : others;
	}
	const end = e.relation === 'related' ? {} : { end: e.end };
	return [...others, { relation: e.relation, ...end, target: e.target, eventId: p.eventId, by: p.sender, side, at: p.at }];
}
