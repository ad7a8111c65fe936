// Strict readers for the reports' payloads, shared by the witness head and the
// network statistics: an object with exactly the keys the format lists, whole
// counts, codes with a grammar, maps of code → count with a cap. Each returns
// a Result whose refusal names the key path; none throws. Only own properties
// are read (policies/cases/events/read.ts).
import { get, isObject, type JsonObject } from '../cases/events/read.ts';
import { parseAuthorityId } from '../cases/ids/codes.ts';
import { parseInstant } from '../preservation/instant.ts';
import { ok, type Result } from '../result.ts';
import type { AuthorityId } from '../roster/types.ts';
import { refuse, type ReportRefusal } from './refusal.ts';

export type ReportRead<T> = Result<T, ReportRefusal>;

/** The object at `path`, refused when it holds a key not in `keys` or lacks one of them. */
export function exactObject(value: unknown, path: string, keys: readonly string[]): ReportRead<JsonObject> {
	if (!isObject(value)) return refuse('malformed', `${path}: must be an object`);
	const extra = Object.keys(value).find((k) => !keys.includes(k));
	if (extra !== undefined)
		return refuse('unknown-key', `${path}.${extra.slice(0, 60)}: this format has no such key (the keys are ${keys.join(', ')})`);
	const missing = keys.find((k) => !Object.hasOwn(value, k));
	if (missing !== undefined) return refuse('malformed', `${path}.${missing}: this key is required and missing`);
	return ok(value);
}

/** A whole number from 0 to `max`. */
export function count(value: unknown, path: string, max: number): ReportRead<number> {
	if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
		return refuse('malformed', `${path}: must be a whole number, 0 or more`);
	if (value > max) return refuse('too-large', `${path}: must be at most ${max} (got ${value})`);
	return ok(value);
}

/** A number from 0 to `max`, finite. */
export function amount(value: unknown, path: string, max: number): ReportRead<number> {
	if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return refuse('malformed', `${path}: must be a number, 0 or more`);
	if (value > max) return refuse('too-large', `${path}: must be at most ${max} (got ${value})`);
	return ok(value);
}

/** A string matching `pattern` (which bounds its length). */
export function code(value: unknown, path: string, pattern: RegExp, example: string): ReportRead<string> {
	if (typeof value !== 'string') return refuse('malformed', `${path}: must be a string`);
	if (value.length > 200 || !pattern.test(value))
		return refuse('malformed', `${path}: "${value.slice(0, 60)}" is not of the form of "${example}"`);
	return ok(value);
}

/** An object of key → T with at most `max` keys, each key matching `key`. */
export function codeMap<T>(
	value: unknown,
	path: string,
	limits: { readonly max: number; readonly key: RegExp; readonly example: string },
	item: (value: unknown, path: string) => ReportRead<T>,
): ReportRead<Record<string, T>> {
	if (!isObject(value)) return refuse('malformed', `${path}: must be an object`);
	const keys = Object.keys(value);
	if (keys.length > limits.max) return refuse('too-large', `${path}: must have at most ${limits.max} entries (got ${keys.length})`);
	const out: Record<string, T> = {};
	for (const k of keys.sort()) {
		const key = code(k, `${path} key`, limits.key, limits.example);
		if (!key.ok) return key;
		const read = item(get(value, k), `${path}.${k}`);
		if (!read.ok) return read;
		out[k] = read.value;
	}
	return ok(out);
}

/** A payload's `version` (which must be `version`) and the `authority` it is about. */
export function versionAndAuthority(o: JsonObject, path: string, version: number): ReportRead<AuthorityId> {
	const given = get(o, 'version');
	if (given !== version)
		return typeof given === 'number'
			? refuse('unsupported-version', `${path}.version: version ${given} is not supported (this reads ${version}); update Rogatory`)
			: refuse('malformed', `${path}.version: must be the number ${version}`);
	const authority = parseAuthorityId(get(o, 'authority'));
	return authority.ok ? ok(authority.value) : refuse('malformed', `${path}.authority: ${authority.error}`);
}

/** An ISO 8601 date-time with offset, as written, at most `max` characters. */
export function instantText(value: unknown, path: string, max: number): ReportRead<string> {
	if (typeof value !== 'string' || value.length > max) return refuse('malformed', `${path}: must be an ISO date-time with offset`);
	const instant = parseInstant(value);
	return instant.ok ? ok(value) : refuse('malformed', `${path}: ${instant.error}`);
}
