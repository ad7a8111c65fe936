// Reads a request's fields: all of them for an opening, some of them for an
// amendment. One reader per field, so both payloads check a value the same way.
import { err, ok } from '../../result.ts';
import { parseCaseReference } from '../ids/case.ts';
import { parseOffenceCode } from '../ids/codes.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import { CHANNELS, LEGAL_BASES, URGENCIES } from '../vocabulary/request.ts';
import { boolean, get, has, isObject, list, object, oneOf, text, via, type Read } from './read.ts';
import { FIELD_NAMES, type CaseFields, type FieldName, type LegalBasis, type OffenceEntry } from './types.ts';

/** A real calendar date written YYYY-MM-DD (no 2025-02-30), between 2000 and 2199. */
function calendarDate(value: unknown, path: string): Read<string> {
	if (typeof value !== 'string' || !/^2[01]\d\d-\d\d-\d\d$/.test(value)) return err(`${path}: must be a date written YYYY-MM-DD`);
	const [y, m, d] = value.split('-').map(Number) as [number, number, number];
	const date = new Date(Date.UTC(y, m - 1, d));
	const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
	return real ? ok(value) : err(`${path}: ${value} is not a calendar date`);
}

function legalBasis(value: unknown, path: string): Read<LegalBasis> {
	const o = object(value, path);
	if (!o.ok) return o;
	const type = oneOf(LEGAL_BASES, get(o.value, 'type'), `${path}.type`);
	if (!type.ok) return type;
	if (!has(o.value, 'citation')) return ok({ type: type.value });
	const citation = text(get(o.value, 'citation'), `${path}.citation`, LIMITS.citation);
	return citation.ok ? ok({ type: type.value, citation: citation.value }) : citation;
}

function offenceEntry(value: unknown, path: string): Read<OffenceEntry> {
	const o = object(value, path);
	if (!o.ok) return o;
	const code = via(parseOffenceCode, get(o.value, 'code'), `${path}.code`);
	if (!code.ok) return code;
	const serious = boolean(get(o.value, 'serious'), `${path}.serious`);
	return serious.ok ? ok({ code: code.value, serious: serious.value }) : serious;
}

function offences(value: unknown, path: string): Read<OffenceEntry[]> {
	const entries = list(value, path, LIMITS.offences, offenceEntry);
	if (!entries.ok) return entries;
	if (entries.value.length === 0) return err(`${path}: must name at least one offence`);
	const codes = new Set(entries.value.map((e) => e.code));
	return codes.size === entries.value.length ? entries : err(`${path}: names the same offence twice`);
}

const READERS: { readonly [K in FieldName]-?: (value: unknown, path: string) => Read<NonNullable<CaseFields[K]>> } = {
	title: (value, path) => text(value, path, LIMITS.title),
	requestingReference: (value, path) => via(parseCaseReference, value, path),
	requestedReference: (value, path) => via(parseCaseReference, value, path),
	legalBasis,
	offences,
	urgency: (value, path) => oneOf(URGENCIES, value, path),
	channel: (value, path) => oneOf(CHANNELS, value, path),
	respondBy: calendarDate,
};

const OPTIONAL: ReadonlySet<FieldName> = new Set(['requestingReference', 'requestedReference', 'respondBy']);

/** Reads the fields present in `value`; with `complete`, every required field must be there. */
function readFields(value: unknown, path: string, complete: boolean): Read<Partial<CaseFields>> {
	const o = object(value, path);
	if (!o.ok) return o;
	const fields: Record<string, unknown> = {};
	for (const name of FIELD_NAMES) {
		if (!has(o.value, name)) {
			if (complete && !OPTIONAL.has(name)) return err(`${path}.${name}: is required`);
			continue;
		}
		const read = READERS[name](get(o.value, name), `${path}.${name}`);
		if (!read.ok) return read;
		fields[name] = read.value;
	}
	return ok(fields as Partial<CaseFields>);
}

export function parseFields(value: unknown, path: string): Read<CaseFields> {
	return readFields(value, path, true) as Read<CaseFields>;
}

/** An amendment's changes: known fields only, at least one. */
export function parseChanges(value: unknown, path: string): Read<Partial<CaseFields>> {
	if (!isObject(value)) return err(`${path}: must be an object`);
	const keys = Object.keys(value);
	if (keys.length > LIMITS.changes) return err(`${path}: names more than ${LIMITS.changes} fields`);
	const unknown = keys.find((k) => !(FIELD_NAMES as readonly string[]).includes(k));
	if (unknown !== undefined) return err(`${path}.${unknown.slice(0, 60)}: is not an amendable field (${FIELD_NAMES.join(', ')})`);
	if (keys.length === 0) return err(`${path}: must change at least one field`);
	return readFields(value, path, false);
}
