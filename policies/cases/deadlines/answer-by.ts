// The requesting side's answer-by date (`fields.respondBy`) and when a request
// is overdue against it: from the day after that date, while the request is
// not answered (workflows/answered.ts). The web dashboard, the bot's
// `!rogatory deadlines` and the register's statistics all decide it here.
// `today` is a calendar date (YYYY-MM-DD) the caller takes in its own time
// zone: the viewer's in the browser, the authority's legal one in the bridge.
// NOTE: a request whose workflow the reader does not know is never taken as
// answered — a deadline must never fall silent (DOMAIN.md, preservation).
import { parseStatusId, parseWorkflowId, type StatusId, type WorkflowId } from '../ids/codes.ts';
import type { OpenedCase } from '../fold/types.ts';
import type { WorkflowRegistry } from '../workflows/registry.ts';
import { isAnswered } from '../workflows/answered.ts';

/** What the rule reads of a request: a folded record or a register row has it. */
export interface AnswerByState {
	readonly workflow: WorkflowId;
	readonly status: StatusId;
	/** YYYY-MM-DD, when the requesting side set one. */
	readonly respondBy: string | undefined;
}

export const answerByStateOf = (record: OpenedCase): AnswerByState => ({
	workflow: record.workflow,
	status: record.status,
	respondBy: record.fields.respondBy,
});

/**
 * The state as a store keeps it in plain columns (the register's case rows).
 * NOTE: a row written from a folded record always parses; one that does not
 * is no request the rules can judge.
 */
export function readAnswerByState(stored: {
	readonly workflow: string | null;
	readonly status: string | null;
	readonly respondBy: string | null;
}): AnswerByState | undefined {
	const workflow = parseWorkflowId(stored.workflow);
	const status = parseStatusId(stored.status);
	return workflow.ok && status.ok
		? { workflow: workflow.value, status: status.value, respondBy: stored.respondBy ?? undefined }
		: undefined;
}

export function answered(request: Pick<AnswerByState, 'workflow' | 'status'>, workflows: WorkflowRegistry): boolean {
	const workflow = workflows.get(request.workflow);
	return workflow !== undefined && isAnswered(workflow, request.status);
}

/** The answer-by date while the request still waits for its answer; undefined when it has none or is answered. */
export function pendingAnswerBy(request: AnswerByState, workflows: WorkflowRegistry): string | undefined {
	return request.respondBy === undefined || answered(request, workflows) ? undefined : request.respondBy;
}

const DAY = 86_400_000;
const dayNumber = (date: string): number => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Whole calendar days from `today` to `date` (both YYYY-MM-DD); negative once the date has passed. */
export const daysLeft = (today: string, date: string): number => Math.round(dayNumber(date) - dayNumber(today));

export function isOverdue(request: AnswerByState, workflows: WorkflowRegistry, today: string): boolean {
	const date = pendingAnswerBy(request, workflows);
	return date !== undefined && daysLeft(today, date) < 0;
}
