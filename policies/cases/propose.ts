// What the UI (and the bridge's chat commands) call before sending a status
// change: given the folded record, is this move allowed for this side, and
// what payload says so? The fold would refuse anything these refuse, so a
// client that asks first never sends an event that others will ignore.
import { err, ok, type Result } from '../result.ts';
import type { TransitionId } from './ids/case.ts';
import type { StatusId } from './ids/codes.ts';
import { rejection, type Rejection } from './events/rejection.ts';
import type { Settled, Transition } from './events/types.ts';
import type { OpenedCase } from './fold/types.ts';
import type { Side } from './vocabulary/request.ts';
import { allowedTransitions, findRule } from './workflows/allowed.ts';
import type { TransitionRule, Workflow } from './workflows/types.ts';

/** The moves `side` may offer now: none while a conflict is unsettled. */
export function availableMoves(record: OpenedCase, workflow: Workflow, side: Side): TransitionRule[] {
	return record.openConflict === undefined ? allowedTransitions(workflow, record.status, side) : [];
}

/** The payload of a move from the record's current status to `to`. */
export function proposeTransition(
	record: OpenedCase,
	workflow: Workflow,
	side: Side,
	to: StatusId,
	reason?: string,
): Result<Transition, Rejection> {
	if (record.openConflict !== undefined)
		return err(rejection('unsettled-conflict', `settle the conflict after ${record.openConflict.at} first`));
	const rule = findRule(workflow, record.status, to);
	if (rule === undefined || !allowedTransitions(workflow, record.status, side).includes(rule)) {
		return err(
			rule === undefined
				? rejection('not-allowed', `${record.status} → ${to} is not a move of workflow ${workflow.id}`)
				: rejection('wrong-side', `only the ${rule.by.join(' or ')} side may move ${record.status} → ${to}`),
		);
	}
	const given = reason?.trim() === '' ? undefined : reason;
	if (rule.reason === 'required' && given === undefined)
		return err(rejection('reason-required', `${record.status} → ${to} requires a reason`));
	const base = { type: 'transition', follows: record.head, from: record.status, to } as const;
	return ok(given === undefined ? base : { ...base, reason: given });
}

/** The payload that settles the record's open conflict in favour of `chosen`. */
export function proposeSettlement(record: OpenedCase, chosen: TransitionId, reason: string): Result<Settled, Rejection> {
	const conflict = record.openConflict;
	if (conflict === undefined) return err(rejection('no-conflict', 'the case has no unsettled conflict'));
	const branch = conflict.branches.find((b) => b.transition.id === chosen);
	if (branch === undefined) return err(rejection('not-a-candidate', `${chosen} is not one of the conflicting transitions`));
	if (reason.trim() === '') return err(rejection('malformed', 'a settlement needs a reason'));
	return ok({ type: 'settled', conflictAt: conflict.at, chosen, to: branch.transition.to, reason });
}
