// A request workflow as data (DOMAIN.md, "Workflows"): the statuses, where a
// request starts, where it ends, and each allowed move with who may make it and
// whether a reason is required. Networks tune workflows as data too (tune.ts).
import type { StatusId, WorkflowId } from '../ids/codes.ts';
import type { LabelTable } from '../i18n/labels.ts';
import type { RequestKind, Side } from '../vocabulary/request.ts';

export interface TransitionRule {
	readonly from: StatusId;
	readonly to: StatusId;
	/** The sides whose members may make this move. */
	readonly by: readonly Side[];
	readonly reason: 'required' | 'optional';
	/** The legal article or practice the rule rests on, when it is not obvious. */
	readonly basis?: string;
}

export interface Workflow {
	readonly id: WorkflowId;
	/** The request kinds this workflow serves. */
	readonly kinds: readonly RequestKind[];
	readonly statuses: readonly StatusId[];
	readonly initial: StatusId;
	readonly terminal: readonly StatusId[];
	readonly transitions: readonly TransitionRule[];
	/** Labels for statuses the shared table (i18n/statuses.ts) does not have, e.g. a network's own. */
	readonly labels?: LabelTable;
}

/** Shorthand for workflow definitions written in this repository. */
export interface RuleOptions {
	readonly reason?: 'required' | 'optional';
	readonly basis?: string;
}
