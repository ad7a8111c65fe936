// What the network page shows of a plenary record, worked out once and
// tested without a browser: the title in the reader's language (or the
// plenary's first), the decisions of one agenda item, the decisions the
// minutes can record (the closed ones), the reader's own attendance, and what
// an open vote would decide were it closed now (for the secretariat's
// confirmation). Pure.
import type { Decision, DecisionResult, PlenaryRecord, PlenaryTexts } from '#policies/plenary/index.ts';
import type { Language } from '#policies/roster/types.ts';

/** A text in the reader's language when the plenary has it, else in the plenary's first language, else `fallback`. */
export function textIn(texts: PlenaryTexts, reader: Language, languages: readonly Language[], fallback: string): string {
	const first = languages[0];
	return texts[reader] ?? (first === undefined ? undefined : texts[first]) ?? fallback;
}

/** The language in which the reader reads the plenary: theirs when it is one of the plenary's, else the plenary's first. */
export const readingLanguage = (reader: Language, languages: readonly Language[]): Language =>
	languages.includes(reader) ? reader : (languages[0] ?? reader);

export const decisionsOf = (record: PlenaryRecord, item: string): Decision[] => record.decisions.filter((d) => d.link.item === item);

/** The decisions the minutes record: every vote closed so far, in the record's (agenda) order. */
export const closedDecisions = (record: PlenaryRecord): string[] => record.decisions.filter((d) => d.result !== 'open').map((d) => d.poll);

/** The reader's latest answer on attending: true, false, or undefined when they have not answered. */
export function myAttendance(record: PlenaryRecord, userId: string): boolean | undefined {
	return record.attendance.find((a) => a.sender === userId)?.attending;
}

/** The result the decision would have if its vote were closed now (policies/plenary/polls/decide.ts's rule). */
export function wouldDecide(decision: Decision): Exclude<DecisionResult, 'open'> {
	if (decision.answering < decision.link.quorum) return 'no-quorum';
	return decision.counts.for > decision.counts.against ? 'adopted' : 'rejected';
}
