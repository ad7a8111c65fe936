// Questions the UI and the fold ask of a workflow: which moves a side may make
// from a status, whether one particular move is in the workflow at all.
import type { StatusId } from '../ids/codes.ts';
import type { Side } from '../vocabulary/request.ts';
import type { TransitionRule, Workflow } from './types.ts';

/** The moves `side` may make from `status`, in the workflow's order; none from a terminal status. */
export function allowedTransitions(workflow: Workflow, status: StatusId, side: Side): TransitionRule[] {
	if (isTerminal(workflow, status)) return [];
	return workflow.transitions.filter((t) => t.from === status && t.by.includes(side));
}

/** The rule for the move from → to, whoever makes it. */
export function findRule(workflow: Workflow, from: StatusId, to: StatusId): TransitionRule | undefined {
	return workflow.transitions.find((t) => t.from === from && t.to === to);
}

export function isTerminal(workflow: Workflow, status: StatusId): boolean {
	return workflow.terminal.includes(status);
}
