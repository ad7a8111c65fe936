// How a network adapts a default workflow without code: add statuses (with
// their labels), add or replace moves, remove moves, change the terminal
// statuses. The result is a new workflow with its own versioned id, checked
// like any other.
import { err, type Result } from '../../result.ts';
import { LANGUAGES } from '../../roster/types.ts';
import type { StatusId, WorkflowId } from '../ids/codes.ts';
import type { LabelTable } from '../i18n/labels.ts';
import type { TransitionRule, Workflow } from './types.ts';
import { validateWorkflow } from './validate.ts';

export interface WorkflowTuning {
	/** The tuned workflow's id, e.g. "mla.refco.v1". */
	readonly id: WorkflowId;
	readonly addStatuses?: readonly StatusId[];
	/** Labels in the five languages for every added status. */
	readonly labels?: LabelTable;
	/** New moves; a move with the same from and to as a base move replaces it. */
	readonly add?: readonly TransitionRule[];
	readonly remove?: readonly { readonly from: StatusId; readonly to: StatusId }[];
	/** Replaces the terminal statuses. */
	readonly terminal?: readonly StatusId[];
}

const key = (t: { readonly from: string; readonly to: string }) => `${t.from}→${t.to}`;

export function tuneWorkflow(base: Workflow, tuning: WorkflowTuning): Result<Workflow, string[]> {
	if (tuning.id === base.id) return err([`${tuning.id}.id: a tuned workflow needs an id of its own`]);
	// NOTE: the type already asks for five languages; data read from a file can still leave one blank.
	const labelled = (s: StatusId) => LANGUAGES.every((lang) => (tuning.labels?.[s]?.[lang]?.trim() ?? '') !== '');
	const missingLabels = (tuning.addStatuses ?? []).filter((s) => !labelled(s));
	if (missingLabels.length > 0) {
		return err(missingLabels.map((s) => `${tuning.id}.labels.${s}: an added status needs labels in all five languages`));
	}
	const replaced = new Set([...(tuning.add ?? []), ...(tuning.remove ?? [])].map(key));
	const transitions = [...base.transitions.filter((t) => !replaced.has(key(t))), ...(tuning.add ?? [])];
	const labels = { ...base.labels, ...tuning.labels };
	return validateWorkflow({
		...base,
		id: tuning.id,
		statuses: [...base.statuses, ...(tuning.addStatuses ?? [])],
		terminal: tuning.terminal ?? base.terminal,
		transitions,
		...(Object.keys(labels).length > 0 ? { labels } : {}),
	});
}
