// The status chain: transitions form a tree rooted at the opening event, each
// naming the node it `follows`. The fold walks it from the root. One valid
// child moves the case on; two or more are a conflict, and the case stays at
// the common predecessor until a settlement names the child that stands
// (docs/case-events.md, "Conflicts"). Every transition and settlement ends up
// applied, refused with a reason, or pending on an unsettled branch.
import { transitionIdOf, type TransitionId } from '../ids/case.ts';
import type { StatusId } from '../ids/codes.ts';
import { rejection, type Rejection } from '../events/rejection.ts';
import type { Settled, Transition } from '../events/types.ts';
import type { Side } from '../vocabulary/request.ts';
import { findRule, isTerminal } from '../workflows/allowed.ts';
import type { Workflow } from '../workflows/types.ts';
import { rejected, type Parsed } from './order.ts';
import type { Conflict, ConflictBranch, RejectedEvent, Settlement, StatusChange } from './types.ts';

type Sided<E extends Transition | Settled> = Parsed<E> & { readonly side: Side | undefined };

export interface ChainInput {
	readonly root: TransitionId;
	readonly workflow: Workflow;
	/** Sorted by the fold's total order. */
	readonly transitions: readonly Sided<Transition>[];
	readonly settlements: readonly Sided<Settled>[];
}

export interface ChainResult {
	readonly status: StatusId;
	readonly head: TransitionId;
	readonly history: StatusChange[];
	readonly conflicts: Conflict[];
	readonly rejected: RejectedEvent[];
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
	const map = new Map<string, T[]>();
	for (const item of items) {
		const list = map.get(key(item));
		if (list === undefined) map.set(key(item), [item]);
		else list.push(item);
	}
	return map;
}

function checkMove(t: Sided<Transition>, status: StatusId, workflow: Workflow): Rejection | undefined {
	const e = t.event;
	if (t.side === undefined) return rejection('not-a-party', `${t.sender} does not act for either authority of this case`);
	if (e.from !== status) return rejection('stale-from', `moves from "${e.from}", but the case was at "${status}" after ${e.follows}`);
	if (isTerminal(workflow, status)) return rejection('not-allowed', `"${status}" is a final status of ${workflow.id}`);
	const rule = findRule(workflow, status, e.to);
	if (rule === undefined) return rejection('not-allowed', `${status} → ${e.to} is not a move of workflow ${workflow.id}`);
	if (!rule.by.includes(t.side)) return rejection('wrong-side', `only the ${rule.by.join(' or ')} side may move ${status} → ${e.to}`);
	if (rule.reason === 'required' && e.reason === undefined)
		return rejection('reason-required', `${status} → ${e.to} requires a reason${rule.basis === undefined ? '' : ` (${rule.basis})`}`);
	return undefined;
}

const change = (t: Sided<Transition>, side: Side): StatusChange => ({
	id: transitionIdOf(t.eventId),
	follows: t.event.follows,
	from: t.event.from,
	to: t.event.to,
	...(t.event.reason === undefined ? {} : { reason: t.event.reason }),
	eventId: t.eventId,
	by: t.sender,
	side,
	at: t.at,
});

export function walkChain(input: ChainInput): ChainResult {
	const children = group(input.transitions, (t) => t.event.follows);
	const settlements = group(input.settlements, (s) => s.event.conflictAt);
	const done = new Set<string>();
	const out: Pick<ChainResult, 'history' | 'conflicts' | 'rejected'> = { history: [], conflicts: [], rejected: [] };
	let status = input.workflow.initial;
	let head = input.root;
	const visited = new Set<string>();

	const refuse = (p: Parsed, r: Rejection) => {
		done.add(p.eventId);
		out.rejected.push(rejected(p.eventId, p.sender, p.at, r.code, r.reason));
	};
	/** Every transition below `id`, breadth first, each level in the total order. */
	const below = (id: string): Sided<Transition>[] => {
		const found: Sided<Transition>[] = [];
		const seen = new Set<string>();
		const queue = [...(children.get(id) ?? [])];
		for (let i = 0; i < queue.length; i++) {
			const next = queue[i]!;
			if (done.has(next.eventId) || seen.has(next.eventId)) continue;
			seen.add(next.eventId);
			found.push(next);
			queue.push(...(children.get(next.eventId) ?? []));
		}
		return found;
	};
	const refuseBelow = (id: string, r: Rejection) => below(id).forEach((t) => refuse(t, r));

	// NOTE: a tree walk cannot revisit a node; `visited` only guards against a bug turning into a hang.
	while (!visited.has(head)) {
		visited.add(head);
		const valid: (Sided<Transition> & { readonly side: Side })[] = [];
		for (const t of children.get(head) ?? []) {
			const problem = checkMove(t, status, input.workflow);
			if (problem === undefined && t.side !== undefined) valid.push({ ...t, side: t.side });
			else {
				refuse(t, problem ?? rejection('not-a-party', 'no side'));
				refuseBelow(t.eventId, rejection('follows-rejected', `follows ${t.eventId}, which was refused`));
			}
		}
		const settles = settlements.get(head) ?? [];
		if (valid.length < 2) {
			settles.forEach((s) => refuse(s, rejection('no-conflict', `no conflicting transitions follow ${head}`)));
			const next = valid[0];
			if (next === undefined) break;
			done.add(next.eventId);
			out.history.push(change(next, next.side));
			status = next.event.to;
			head = transitionIdOf(next.eventId);
			continue;
		}
		// A conflict: settle it or stop here.
		let settlement: Settlement | undefined;
		for (const s of settles) {
			const chosen = valid.find((t) => transitionIdOf(t.eventId) === s.event.chosen);
			if (s.side === undefined) refuse(s, rejection('not-a-party', `${s.sender} does not act for either authority of this case`));
			else if (chosen === undefined)
				refuse(s, rejection('not-a-candidate', `${s.event.chosen} is not one of the conflicting transitions after ${head}`));
			else if (chosen.event.to !== s.event.to)
				refuse(s, rejection('settle-mismatch', `${s.event.chosen} moves to "${chosen.event.to}", not "${s.event.to}"`));
			else if (settlement !== undefined) {
				const same = settlement.chosen === s.event.chosen ? ' with the same choice' : '';
				refuse(s, rejection('already-settled', `the conflict after ${head} was already settled by ${settlement.eventId}${same}`));
			} else {
				done.add(s.eventId);
				settlement = { chosen: s.event.chosen, reason: s.event.reason, eventId: s.eventId, by: s.sender, side: s.side, at: s.at };
			}
		}
		// Followers are listed while they wait; once settled, each is applied or refused like any other transition.
		const waiting = (id: string) => (settlement === undefined ? below(id).map((f) => transitionIdOf(f.eventId)) : []);
		const branches: ConflictBranch[] = valid.map((t) => ({ transition: change(t, t.side), followers: waiting(t.eventId) }));
		const conflict: Conflict = settlement === undefined ? { at: head, status, branches } : { at: head, status, branches, settlement };
		out.conflicts.push(conflict);
		const winner = valid.find((t) => transitionIdOf(t.eventId) === settlement?.chosen);
		if (winner === undefined) {
			// Pending: neither applied nor refused until someone settles.
			branches.forEach((b) => [b.transition.id, ...b.followers].forEach((id) => done.add(id)));
			break;
		}
		for (const loser of valid.filter((t) => t !== winner)) {
			const why = rejection('overruled', `discarded when ${settlement?.eventId} settled the conflict after ${head} for ${winner.eventId}`);
			refuse(loser, why);
			refuseBelow(loser.eventId, why);
		}
		done.add(winner.eventId);
		out.history.push(change(winner, winner.side));
		status = winner.event.to;
		head = transitionIdOf(winner.eventId);
	}

	for (const t of input.transitions) {
		if (!done.has(t.eventId)) refuse(t, rejection('unreachable', `follows ${t.event.follows}, which is not in this case's status chain`));
	}
	for (const s of input.settlements) {
		if (!done.has(s.eventId))
			refuse(s, rejection('unreached', `settles a conflict after ${s.event.conflictAt}, which is not on the case's current path`));
	}
	return { ...out, status, head };
}
