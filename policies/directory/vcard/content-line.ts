// Reads one unfolded content line (RFC 6350 §3.3):
//   contentline = [group "."] name *(";" param) ":" value
// Parameter values may be quoted (then ";", ":" and "," are plain text inside)
// and carry RFC 6868 caret escapes (^n newline, ^^ caret, ^' double quote).
// The value stays as written: how to unescape it depends on the property.
import { err, ok, type Result } from '../../result.ts';
import type { ContentLine } from './types.ts';

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;
const PARAM_NAME = /^[A-Za-z0-9-]+$/;

/** RFC 6868 §3: any other character after "^" is kept with the caret. */
export const decodeCaret = (value: string): string =>
	value.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === '^' ? '^' : '"'));

export function parseContentLine(text: string, line: number): Result<ContentLine, string> {
	const head = /^[^;:]*/.exec(text)?.[0] ?? '';
	const named = NAME.exec(head);
	if (text.length === head.length) return err(`"${clip(text)}" has no ":" between the property name and its value`);
	if (named === null) return err(`"${clip(head)}" is not a property name (letters, digits and "-", optionally after a group and ".")`);
	const params = new Map<string, string[]>();
	let at = head.length;
	while (text[at] === ';') {
		const read = readParam(text, at + 1);
		if (!read.ok) return read;
		const [name, values] = read.value.param;
		params.set(name, [...(params.get(name) ?? []), ...values]);
		at = read.value.next;
	}
	if (text[at] !== ':') return err(`"${clip(text)}" has no ":" between the property name and its value`);
	const [, group, name = ''] = named;
	return ok({ line, ...(group === undefined ? {} : { group }), name: name.toUpperCase(), params, value: text.slice(at + 1) });
}

type ReadParam = Result<{ readonly param: readonly [string, string[]]; readonly next: number }, string>;

function readParam(text: string, start: number): ReadParam {
	const nameEnd = indexOfAny(text, '=;:', start);
	const rawName = text.slice(start, nameEnd);
	if (!PARAM_NAME.test(rawName)) return err(`parameter "${clip(rawName)}" is not a parameter name`);
	// NOTE: a bare parameter ("TEL;WORK:…") is vCard 2.1 shorthand for TYPE=WORK; taken rather than refused.
	if (text[nameEnd] !== '=') return ok({ param: ['TYPE', [rawName.toLowerCase()]], next: nameEnd });
	const values: string[] = [];
	let at = nameEnd;
	do {
		at += 1;
		if (text[at] === '"') {
			const close = text.indexOf('"', at + 1);
			if (close < 0) return err(`parameter ${rawName.toUpperCase()} opens a quote that is never closed`);
			values.push(decodeCaret(text.slice(at + 1, close)));
			at = close + 1;
		} else {
			const end = indexOfAny(text, ',;:"', at);
			if (text[end] === '"') return err(`parameter ${rawName.toUpperCase()} has a quote inside an unquoted value`);
			values.push(decodeCaret(text.slice(at, end)));
			at = end;
		}
	} while (text[at] === ',');
	if (at < text.length && text[at] !== ';' && text[at] !== ':')
		return err(`parameter ${rawName.toUpperCase()} has text after its closing quote; put "," between values`);
	return ok({ param: [rawName.toUpperCase(), values], next: at });
}

function indexOfAny(text: string, chars: string, from: number): number {
	for (let i = from; i < text.length; i += 1) if (chars.includes(text[i] ?? '')) return i;
	return text.length;
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
