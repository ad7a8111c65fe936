// Every label table a body renderer needs, in one value, so a caller can add a
// network's own statuses (from a tuned workflow) or offences (from an extended
// taxonomy) without touching the defaults.
import type { Workflow } from '../workflows/types.ts';
import { TAXONOMY, type Offence } from '../vocabulary/taxonomy.ts';
import type { Labels } from './labels.ts';
import { PHRASES } from './phrases.ts';
import { STATUS_LABELS } from './statuses.ts';
import { CHANNEL_LABELS, FIELD_LABELS, KIND_LABELS, LEGAL_BASIS_LABELS, LINK_LABELS, SIDE_LABELS, URGENCY_LABELS } from './vocabulary.ts';

type Table = Readonly<Record<string, Labels>>;

export interface LabelBook {
	readonly statuses: Table;
	readonly offences: Table;
	readonly kinds: Table;
	readonly sides: Table;
	readonly urgencies: Table;
	readonly channels: Table;
	readonly legalBases: Table;
	readonly fields: Table;
	readonly links: Table;
	readonly phrases: typeof PHRASES;
}

export const offenceTable = (offences: readonly Offence[]): Table => Object.fromEntries(offences.map((o) => [o.code, o.labels]));

export const DEFAULT_BOOK: LabelBook = {
	statuses: STATUS_LABELS,
	offences: offenceTable(TAXONOMY),
	kinds: KIND_LABELS,
	sides: SIDE_LABELS,
	urgencies: URGENCY_LABELS,
	channels: CHANNEL_LABELS,
	legalBases: LEGAL_BASIS_LABELS,
	fields: FIELD_LABELS,
	links: LINK_LABELS,
	phrases: PHRASES,
};

/** The book with a tuned workflow's own status labels added. */
export function withWorkflow(book: LabelBook, workflow: Workflow): LabelBook {
	return workflow.labels === undefined ? book : { ...book, statuses: { ...book.statuses, ...workflow.labels } };
}

/** The book with a network's offences added (see vocabulary/taxonomy.ts, extendTaxonomy). */
export function withOffences(book: LabelBook, offences: readonly Offence[]): LabelBook {
	return { ...book, offences: { ...book.offences, ...offenceTable(offences) } };
}
