// Small readers for untrusted JSON-like values. Each returns a Result whose
// error names the key path ("org.rogatory.case.fields.title: …"), reads only
// own properties (an inherited `toString` or `__proto__` is never taken for a
// field), and checks lengths before anything else touches a string.
import { err, ok, type Result } from '../../result.ts';

export type Read<T> = Result<T, string>;
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property, or undefined. */
export function get(object: JsonObject, key: string): unknown {
	return Object.hasOwn(object, key) ? object[key] : undefined;
}

export const has = (object: JsonObject, key: string): boolean => Object.hasOwn(object, key);

const fail = (path: string, message: string): Read<never> => err(`${path}: ${message}`);

export function object(value: unknown, path: string): Read<JsonObject> {
	return isObject(value) ? ok(value) : fail(path, 'must be an object');
}

/** Free text: a string, not blank, at most `max` characters. */
export function text(value: unknown, path: string, max: number): Read<string> {
	if (typeof value !== 'string') return fail(path, 'must be a string');
	if (value.length > max) return fail(path, `must be at most ${max} characters (got ${value.length})`);
	if (value.trim().length === 0) return fail(path, 'must not be blank');
	return ok(value);
}

/** A payload's format version: exactly `supported`; a newer number asks the reader to update Rogatory. */
export function formatVersion(value: unknown, path: string, supported: number): Read<number> {
	if (value === supported) return ok(supported);
	return typeof value === 'number'
		? fail(path, `version ${String(value).slice(0, 20)} is not supported (this client reads ${supported}); update Rogatory`)
		: fail(path, `must be the number ${supported}`);
}

export function boolean(value: unknown, path: string): Read<boolean> {
	return typeof value === 'boolean' ? ok(value) : fail(path, 'must be true or false');
}

export function oneOf<T extends string>(list: readonly T[], value: unknown, path: string): Read<T> {
	if (typeof value === 'string' && (list as readonly string[]).includes(value)) return ok(value as T);
	const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : typeof value;
	return fail(path, `${shown} is not one of ${list.join(', ')}`);
}

/** Applies a parse function (e.g. parseRoomId) and prefixes its error with the path. */
export function via<T>(parse: (value: unknown) => Result<T>, value: unknown, path: string): Read<T> {
	const parsed = parse(value);
	return parsed.ok ? parsed : fail(path, parsed.error);
}

export function list<T>(value: unknown, path: string, max: number, item: (value: unknown, path: string) => Read<T>): Read<T[]> {
	if (!Array.isArray(value)) return fail(path, 'must be a list');
	if (value.length > max) return fail(path, `must have at most ${max} entries (got ${value.length})`);
	const items: T[] = [];
	for (let i = 0; i < value.length; i++) {
		const read = item(value[i], `${path}[${i}]`);
		if (!read.ok) return read;
		items.push(read.value);
	}
	return ok(items);
}
