// The core's last word on an entry the editor's form built, said as a field
// of that form. The form's own checks catch what an editor usually gets wrong;
// the core's parser (what every reader applies) also caps lengths and counts
// and reads phone numbers strictly. Its refusal names a key path such as
// "entry.hours.from" or "entry.channels[2].value"; this maps the path to the
// form's field (and line), so the page can mark the field and say what to do
// in the editor's language instead of the parser's English. Pure.
import { parseAuthorityEntry, parsePersonEntry } from '#policies/directory/events/parse-entries.ts';
import type { AuthorityEntry, PersonEntry } from '#policies/directory/types.ts';
import type { FieldProblem, FieldProblemCode } from './entry-forms.ts';

const ROOT = 'entry';

/** The form field each key of an authority entry is typed in. */
const AUTHORITY_FIELDS: Readonly<Record<string, string>> = {
	names: 'name',
	channels: 'channels',
	requestLanguages: 'requestLanguages',
	requirements: 'requirements',
	urgentProcedure: 'urgentProcedure',
	offences: 'offences',
	point247: 'point247',
};

/** The form field each key of a person entry is typed in ("hours.from" is the "from" field). */
const PERSON_FIELDS: Readonly<Record<string, string>> = {
	id: 'name',
	name: 'name',
	latinName: 'latinName',
	title: 'title',
	languages: 'languages',
	'hours.timeZone': 'timeZone',
	'hours.days': 'days',
	'hours.from': 'from',
	'hours.to': 'to',
	phone: 'phone',
	email: 'email',
	matrixId: 'matrixId',
	rota: 'rota',
};

/** What the page says for a field the core refuses: its own wording where the field has one. */
const FIELD_CODES: Readonly<Record<string, FieldProblemCode>> = {
	phone: 'phone',
	email: 'email',
	matrixId: 'matrix-id',
	languages: 'language',
	requestLanguages: 'language',
	timeZone: 'time-zone',
	from: 'time',
	to: 'time',
	rota: 'rota',
	channels: 'channel',
};

interface PathParts {
	readonly key: string;
	readonly index?: number;
}

/** "entry.hours.from: must be…" → {key: "hours.from"}; "entry.rota[3].to: …" → {key: "rota", index: 3}. */
function pathOf(error: string): PathParts | undefined {
	const path = error.slice(0, Math.max(error.indexOf(':'), 0));
	if (!path.startsWith(`${ROOT}.`)) return undefined;
	const rest = path.slice(ROOT.length + 1);
	const listed = /^([A-Za-z]+)\[(\d+)\]/.exec(rest);
	if (listed !== null) return { key: listed[1] ?? '', index: Number(listed[2]) };
	const [first = '', second] = rest.split(/[.\s]/);
	return first === 'hours' && second !== undefined ? { key: `hours.${second}` } : { key: first };
}

/** Where each item of a many-line field was typed: the 1-based line of its n-th item. */
export type ItemLines = Readonly<Partial<Record<'channels' | 'rota', readonly number[]>>>;

function problemOf(error: string, fields: Readonly<Record<string, string>>, lines: ItemLines): FieldProblem | undefined {
	const parts = pathOf(error);
	const field = parts === undefined ? undefined : fields[parts.key];
	if (field === undefined) return undefined;
	const code = FIELD_CODES[field] ?? 'refused';
	// NOTE: only the many-line fields have lines; other lists (languages, offences) are typed on one.
	const line =
		parts?.index === undefined ? undefined : (lines as Readonly<Record<string, readonly number[] | undefined>>)[field]?.[parts.index];
	return line === undefined ? { field, code } : { field, code, line };
}

/**
 * Undefined when the core reads the authority entry as built; else the form
 * field it refuses, or `null` when the refusal is about no field of the form.
 */
export function authorityCoreProblem(entry: AuthorityEntry, lines: ItemLines = {}): FieldProblem | null | undefined {
	const read = parseAuthorityEntry(entry, ROOT);
	return read.ok ? undefined : (problemOf(read.error, AUTHORITY_FIELDS, lines) ?? null);
}

/** As `authorityCoreProblem`, for a person entry. */
export function personCoreProblem(entry: PersonEntry, lines: ItemLines = {}): FieldProblem | null | undefined {
	const read = parsePersonEntry(entry, ROOT);
	return read.ok ? undefined : (problemOf(read.error, PERSON_FIELDS, lines) ?? null);
}
