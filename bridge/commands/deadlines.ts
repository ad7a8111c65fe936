// The deadlines a case room has, from any number of sources. A source reads
// the folded record and names dated deadlines; `!rogatory deadlines` lists
// what all of them give. Today there is one source, the answer-by date the
// requesting side set (`fields.respondBy`); preservation deadlines (issue 5)
// come as another source, with its own kind and label (i18n.ts,
// `deadline.<kind>`). Pure.
import type { OpenedCase, WorkflowRegistry } from '../../policies/cases/index.ts';
import { answerByStateOf, pendingAnswerBy } from '../../policies/cases/index.ts';

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

/** The requesting side's answer-by date, while the request is unanswered (policies/cases, pendingAnswerBy). */
export const respondBy: DeadlineSource = (record, context) => {
	const date = pendingAnswerBy(answerByStateOf(record), context.workflows);
	return date === undefined ? [] : [{ kind: 'respond-by', date }];
};

export const DEADLINE_SOURCES: readonly DeadlineSource[] = [respondBy];

export function deadlinesOf(record: OpenedCase, sources: readonly DeadlineSource[], context: DeadlineContext): Deadline[] {
	return sources.flatMap((source) => source(record, context));
}
