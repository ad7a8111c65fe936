// Readers for the values plenary payloads share: ids, one-line titles,
// calendar days, and text per language. Each returns a Read whose error names
// the key path; none throws. Titles are one line (no control characters), so
// the minutes export (export/minutes.ts) stays the document it means to be.
import { err, ok } from '../../result.ts';
import { isObject, get, oneOf, text, type Read } from '../../cases/events/read.ts';
import { isIsoDate } from '../../text/iso-date.ts';
import { LANGUAGES, type Language } from '../../roster/types.ts';
import type { PlenaryTexts } from '../types.ts';
import { PLENARY_LIMITS as L } from './namespace.ts';

const fail = (path: string, message: string): Read<never> => err(`${path}: ${message}`);

const ID = /^[a-z0-9][a-z0-9._-]*$/;
// C0 and C1 controls, DEL, and the line and paragraph separators.
// eslint-disable-next-line no-control-regex -- these control characters are what is looked for
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** A plenary's or an agenda item's id: lower-case letters, digits, ".", "_", "-". */
export function plenaryId(value: unknown, path: string): Read<string> {
	return typeof value === 'string' && value.length <= L.id && ID.test(value)
		? ok(value)
		: fail(path, `must be an id of at most ${L.id} lower-case letters, digits, ".", "_" or "-", like "refco-2026-1"`);
}

/** One line of text: not blank, at most `max` characters, no control character. */
export function line(value: unknown, path: string, max: number): Read<string> {
	const t = text(value, path, max);
	if (!t.ok) return t;
	return CONTROL.test(t.value) ? fail(path, 'must be one line, without control characters') : t;
}

/** A real calendar day written YYYY-MM-DD. */
export function day(value: unknown, path: string): Read<string> {
	return typeof value === 'string' && isIsoDate(value) ? ok(value) : fail(path, 'must be a real date written YYYY-MM-DD');
}

export const language = (value: unknown, path: string): Read<Language> => oneOf(LANGUAGES, value, path);

/**
 * Text per language. With `languages`, exactly those (a plenary's languages);
 * without, any of the five, at least one. `oneLine` for titles.
 */
export function texts(
	value: unknown,
	path: string,
	options: { readonly max: number; readonly oneLine: boolean; readonly languages?: readonly Language[] },
): Read<PlenaryTexts> {
	if (!isObject(value)) return fail(path, 'must be an object of language → text');
	const allowed = options.languages ?? LANGUAGES;
	const keys = Object.keys(value);
	if (keys.length === 0) return fail(path, 'must hold at least one language');
	if (keys.length > allowed.length) return fail(path, `must hold at most ${allowed.length} languages`);
	const out: Partial<Record<Language, string>> = {};
	for (const key of keys) {
		const lang = oneOf(allowed, key, `${path} key`);
		if (!lang.ok) return lang;
		const read = options.oneLine ? line : text;
		const t = read(get(value, key), `${path}.${key}`, options.max);
		if (!t.ok) return t;
		out[lang.value] = t.value;
	}
	const missing = allowed.filter((lang) => out[lang] === undefined);
	if (options.languages !== undefined && missing.length > 0) return fail(path, `must be given in ${missing.join(', ')} too`);
	// One key order for the same texts, whatever order the sender wrote them in.
	return ok(Object.fromEntries(allowed.flatMap((lang) => (out[lang] === undefined ? [] : [[lang, out[lang]]]))));
}
