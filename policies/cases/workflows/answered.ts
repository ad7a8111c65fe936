// When a request counts as answered: once its status is an outcome — a
// terminal status of its workflow, or a status from which the workflow
// allows no move but into a terminal one (closing the file). For the default
// workflows: MLA executed, refused, withdrawn or forwarded; extradition
// surrendered, refused or withdrawn; the generic workflow's completed, refused
// or withdrawn; and closed. Read from the workflow itself, so a network's
// tuned workflow (tune.ts) brings its own outcomes. docs/decisions.md says
// why this reading and not "closed only" or a list of names.
import { isTerminal } from './allowed.ts';
import type { StatusId } from '../ids/codes.ts';
import type { Workflow } from './types.ts';

export function isAnswered(workflow: Workflow, status: StatusId): boolean {
	if (isTerminal(workflow, status)) return true;
	const onward = workflow.transitions.filter((t) => t.from === status);
	return onward.length > 0 && onward.every((t) => isTerminal(workflow, t.to));
}
