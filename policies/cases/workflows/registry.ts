// The workflows a client knows, by id. An opening event names its workflow, so
// both sides of a case fold with the same rules even when their networks tune
// workflows differently.
// NOTE: a definition is immutable once shipped. Folding re-reads the whole
// history, so changing a shipped workflow would retroactively reject moves that
// were valid when made; a change gets a new id ("mla.v2", "mla.refco.v2").
import { err, ok, type Result } from '../../result.ts';
import type { WorkflowId } from '../ids/codes.ts';
import type { RequestKind } from '../vocabulary/request.ts';
import { EXTRADITION_WORKFLOW } from './extradition.ts';
import { GENERIC_WORKFLOW } from './generic.ts';
import { MLA_WORKFLOW } from './mla.ts';
import type { Workflow } from './types.ts';
import { validateWorkflow } from './validate.ts';

export type WorkflowRegistry = ReadonlyMap<WorkflowId, Workflow>;

export const DEFAULT_WORKFLOWS: readonly Workflow[] = [MLA_WORKFLOW, EXTRADITION_WORKFLOW, GENERIC_WORKFLOW];

/** A registry of checked workflows with distinct ids. */
export function workflowRegistry(workflows: readonly Workflow[]): Result<WorkflowRegistry, string[]> {
	const problems: string[] = [];
	const registry = new Map<WorkflowId, Workflow>();
	for (const w of workflows) {
		const checked = validateWorkflow(w);
		if (!checked.ok) problems.push(...checked.error);
		if (registry.has(w.id)) problems.push(`${w.id}: two workflows have this id`);
		registry.set(w.id, w);
	}
	return problems.length === 0 ? ok(registry) : err(problems);
}

export const DEFAULT_REGISTRY: WorkflowRegistry = new Map(DEFAULT_WORKFLOWS.map((w) => [w.id, w]));

/** The default workflow for a kind of request. */
export function defaultWorkflowFor(kind: RequestKind): Workflow {
	return DEFAULT_WORKFLOWS.find((w) => w.kinds.includes(kind)) ?? GENERIC_WORKFLOW;
}
