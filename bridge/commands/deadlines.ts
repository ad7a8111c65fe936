// The deadlines a case room has, from any number of sources. A source reads
// the folded record and names dated deadlines; `!rogatory deadlines` lists
// what all of them give. Today there is one source, the answer-by date the
// requesting side set (`fields.respondBy`); preservation deadlines (issue 5)
// come as another source, with its own kind and label (i18n.ts,
// `deadline.<kind>`). Pure.
import type { OpenedCase, WorkflowRegistry } from '../../policies/cases/index.ts';
import { isTerminal } from '../../policies/cases/index.ts';

/** What a deadline is for; each kind has a label `deadline.<kind>` in i18n.ts. */
export type DeadlineKind = 'respond-by';

export interface Deadline {
	readonly kind: DeadlineKind;
	/** The calendar date (YYYY-MM-DD) in the authority's legal time zone. */
	readonly date: string;
}

/** What a source needs beside the record. */
export interface DeadlineContext {
	readonly workflows: WorkflowRegistry;
}

export type DeadlineSource = (record: OpenedCase, context: DeadlineContext) => readonly Deadline[];

// NOTE: the same idea of "answered" as the web dashboard's (web/src/lib/cases/dashboard.ts,
// `finished`): once the requested side has executed or refused, or the request is
// withdrawn, surrendered or closed, the answer-by date is no longer a deadline.
const ANSWERED = ['executed', 'refused', 'withdrawn', 'surrendered'];

/** The requesting side's answer-by date, while the request is unanswered. */
export const respondBy: DeadlineSource = (record, context) => {
	const date = record.fields.respondBy;
	if (date === undefined || ANSWERED.includes(record.status)) return [];
	const workflow = context.workflows.get(record.workflow);
	if (workflow !== undefined && isTerminal(workflow, record.status)) return [];
	return [{ kind: 'respond-by', date }];
};

export const DEADLINE_SOURCES: readonly DeadlineSource[] = [respondBy];

export function deadlinesOf(record: OpenedCase, sources: readonly DeadlineSource[], context: DeadlineContext): Deadline[] {
	return sources.flatMap((source) => source(record, context));
}
