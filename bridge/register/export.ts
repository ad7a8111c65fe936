// Exports of the register for the authority's own reporting: the cases and
// the status history, as CSV (csv.ts) or JSON. Times are ISO 8601 in UTC,
// from the homeservers' origin_server_ts; pure functions of the rows.
// Text that carries bidirectional controls is exported verbatim and flagged:
// CSV marks the cell (csv.ts, rule 3); JSON names the record's flagged fields
// in `bidi_controls` and writes each control as a \u escape, so that the file
// read as text shows them and parsed gives the text back unchanged.
import { BIDI_CONTROLS, hasBidiControls } from '../../policies/text/bidi.ts';
import { toCsv, type Cell } from './csv.ts';
import type { RefusalRow } from './refusals.ts';
import type { CaseRow, RegisterRows, TransitionRow } from './rows.ts';

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

const CASE_COLUMNS = [
	'room_id',
	'kind',
	'workflow',
	'requesting',
	'requested',
	'requesting_reference',
	'requested_reference',
	'title',
	'status',
	'terminal',
	'urgency',
	'channel',
	'respond_by',
	'opened_by',
	'opened_at',
	'last_change_at',
	'open_conflict',
	'notes',
] as const;

function caseCells(c: CaseRow): Cell[] {
	return [
		c.roomId,
		c.kind,
		c.workflow,
		c.requesting,
		c.requested,
		c.requestingReference,
		c.requestedReference,
		c.title,
		c.status,
		c.terminal,
		c.urgency,
		c.channel,
		c.respondBy,
		c.openedBy,
		iso(c.openedAt),
		iso(c.lastChangeAt),
		c.openConflict,
		c.notes,
	];
}

const TRANSITION_COLUMNS = ['room_id', 'position', 'event_id', 'follows', 'from', 'to', 'reason', 'by', 'side', 'at'] as const;

function transitionCells(t: TransitionRow): Cell[] {
	return [t.roomId, t.position, t.eventId, t.follows, t.fromStatus, t.toStatus, t.reason, t.by, t.side, iso(t.at)];
}

export const casesCsv = (rows: RegisterRows): string => toCsv(CASE_COLUMNS, rows.cases.map(caseCells));

export const transitionsCsv = (rows: RegisterRows): string => toCsv(TRANSITION_COLUMNS, rows.transitions.map(transitionCells));

const REFUSAL_COLUMNS = ['at', 'room_id', 'event_id', 'sender', 'source', 'code', 'verification', 'reason'] as const;

function refusalCells(r: RefusalRow): Cell[] {
	return [iso(r.at), r.roomId, r.eventId, r.sender, r.source, r.code, r.verification, r.reason];
}

/** What the register refused (refusals.ts), newest first. */
export const refusalsCsv = (refusals: readonly RefusalRow[]): string => toCsv(REFUSAL_COLUMNS, refusals.map(refusalCells));

/** The paths ("title", "fields.legalBasis.citation") of the strings in a record that carry bidirectional controls. */
function flaggedFields(value: unknown, path: string[] = []): string[] {
	if (typeof value === 'string') return hasBidiControls(value) ? [path.join('.')] : [];
	if (typeof value !== 'object' || value === null) return [];
	return Object.entries(value).flatMap(([key, inner]) => flaggedFields(inner, [...path, key]));
}

const withFlags = <T extends object>(record: T): T & { bidi_controls: string[] } => ({ ...record, bidi_controls: flaggedFields(record) });

// The bidirectional controls and the paragraph separators JSON.stringify leaves raw (U+0085, U+2028, U+2029).
const RAW_IN_JSON = new RegExp(
	`[${[...BIDI_CONTROLS.keys(), 0x85, 0x2028, 0x2029].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`,
	'g',
);

// NOTE: outside strings a JSON text has none of these characters, and inside one a raw character is never part of an
// escape sequence, so writing each as \uXXXX changes no parsed value.
const escapeControls = (json: string): string =>
	json.replace(RAW_IN_JSON, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);

/** Every table as one JSON document (cases, transitions, refused events); each case carries its legal basis and offences parsed. */
export function registerJson(rows: RegisterRows, refusals: readonly RefusalRow[] = []): string {
	const record = <K extends string>(columns: readonly K[], cells: Cell[]) =>
		Object.fromEntries(columns.map((k, i) => [k, cells[i] ?? null]));
	const cases = rows.cases.map((c) =>
		withFlags({
			...record(CASE_COLUMNS, caseCells(c)),
			fields: c.fields === null ? null : (JSON.parse(c.fields) as unknown),
		}),
	);
	const transitions = rows.transitions.map((t) => withFlags(record(TRANSITION_COLUMNS, transitionCells(t))));
	const refused = refusals.map((r) => withFlags(record(REFUSAL_COLUMNS, refusalCells(r))));
	return escapeControls(JSON.stringify({ cases, transitions, refused }, null, '\t')) + '\n';
}
