// Picks the event that opens the case: the first opening, in the fold's total
// order, that a party sent and that names known authorities and a known
// workflow for its kind. Invalid openings before it are refused with their
// reason; every opening after it is a second opening and refused.
import type { AuthorityId } from '../../roster/types.ts';
import type { Opened } from '../events/types.ts';
import { rejection, type Rejection } from '../events/rejection.ts';
import type { Side } from '../vocabulary/request.ts';
import type { Workflow } from '../workflows/types.ts';
import type { WorkflowRegistry } from '../workflows/registry.ts';
import { rejected, type Parsed } from './order.ts';
import { authorityOf } from './parties.ts';
import type { FoldContext, RejectedEvent } from './types.ts';

export interface Opening {
	readonly parsed: Parsed<Opened>;
	readonly side: Side;
	readonly workflow: Workflow;
}

function check(p: Parsed<Opened>, context: FoldContext, registry: WorkflowRegistry): Rejection | Opening {
	const e = p.event;
	const known = new Set<AuthorityId>(context.roster.authorities.map((a) => a.id));
	for (const id of [e.requesting, e.requested]) {
		if (!known.has(id)) return rejection('unknown-authority', `no authority "${id}" in the roster`);
	}
	if (e.requesting === e.requested) return rejection('same-authority', `"${e.requesting}" cannot request assistance from itself`);
	const sender = authorityOf(p.sender, context.servers);
	const side: Side | undefined = sender === e.requesting ? 'requesting' : sender === e.requested ? 'requested' : undefined;
	if (side === undefined) return rejection('not-a-party', `${p.sender} is not on the homeserver of ${e.requesting} or ${e.requested}`);
	const workflow = registry.get(e.workflow);
	if (workflow === undefined) return rejection('unknown-workflow', `workflow "${e.workflow}" is unknown to this client; update Rogatory`);
	if (!workflow.kinds.includes(e.kind)) return rejection('kind-mismatch', `workflow "${e.workflow}" does not serve "${e.kind}" requests`);
	return { parsed: p, side, workflow };
}

export function chooseOpening(
	openings: readonly Parsed<Opened>[],
	context: FoldContext,
	registry: WorkflowRegistry,
): { readonly opening: Opening | undefined; readonly rejected: RejectedEvent[] } {
	const refused: RejectedEvent[] = [];
	let opening: Opening | undefined;
	for (const p of openings) {
		if (opening !== undefined) {
			refused.push(rejected(p.eventId, p.sender, p.at, 'second-opening', `the case was already opened by ${opening.parsed.eventId}`));
			continue;
		}
		const checked = check(p, context, registry);
		if ('code' in checked) refused.push(rejected(p.eventId, p.sender, p.at, checked.code, checked.reason));
		else opening = checked;
	}
	return { opening, rejected: refused };
}
