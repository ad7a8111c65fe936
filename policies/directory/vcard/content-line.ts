// Reads one unfolded content line (RFC 6350 §3.3):
//   contentline = [group "."] name *(";" param) ":" value
// Parameter values may be quoted (then ";", ":" and "," are plain text inside)
// and carry RFC 6868 caret escapes (^n newline, ^^ caret, ^' double quote).
// The value stays as written: how to unescape it depends on the property.
import { err, ok, type Result } from '../../result.ts';
import type { SyntaxProblem, VcardReason } from './reasons.ts';
import type { ContentLine } from './types.ts';

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;
const PARAM_NAME = /^[A-Za-z0-9-]+$/;

/** RFC 6868 §3: any other character after "^" is kept with the caret. */
export const decodeCaret = (value: string): string =>
	value.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === '^' ? '^' : '"'));

const syntax = (problem: SyntaxProblem, text: string, parameter?: string): Result<never, VcardReason> =>
	err({ kind: 'syntax', problem, text: clip(text), ...(parameter === undefined ? {} : { parameter }) });

export function parseContentLine(text: string, line: number): Result<ContentLine, VcardReason> {
	const head = /^[^;:]*/.exec(text)?.[0] ?? '';
	const named = NAME.exec(head);
	if (text.length === head.length) return syntax('no-colon', text);
	if (named === null) return syntax('bad-name', head);
	const params = new Map<string, string[]>();
	let at = head.length;
	while (text[at] === ';') {
		const read = readParam(text, at + 1);
		if (!read.ok) return read;
		const [name, values] = read.value.param;
		params.set(name, [...(params.get(name) ?? []), ...values]);
		at = read.value.next;
	}
	if (text[at] !== ':') return syntax('no-colon', text);
	const [, group, name = ''] = named;
	return ok({ line, ...(group === undefined ? {} : { group }), name: name.toUpperCase(), params, value: text.slice(at + 1) });
}

type ReadParam = Result<{ readonly param: readonly [string, string[]]; readonly next: number }, VcardReason>;

function readParam(text: string, start: number): ReadParam {
	const nameEnd = indexOfAny(text, '=;:', start);
	const rawName = text.slice(start, nameEnd);
	if (!PARAM_NAME.test(rawName)) return syntax('bad-parameter-name', rawName);
	// NOTE: a bare parameter ("TEL;WORK:…") is vCard 2.1 shorthand for TYPE=WORK; taken rather than refused.
	if (text[nameEnd] !== '=') return ok({ param: ['TYPE', [rawName.toLowerCase()]], next: nameEnd });
	const values: string[] = [];
	let at = nameEnd;
	do {
		at += 1;
		if (text[at] === '"') {
			const close = text.indexOf('"', at + 1);
			if (close < 0) return syntax('unclosed-quote', text, rawName.toUpperCase());
			values.push(decodeCaret(text.slice(at + 1, close)));
			at = close + 1;
		} else {
			const end = indexOfAny(text, ',;:"', at);
			if (text[end] === '"') return syntax('stray-quote', text, rawName.toUpperCase());
			values.push(decodeCaret(text.slice(at, end)));
			at = end;
		}
	} while (text[at] === ',');
	if (at < text.length && text[at] !== ';' && text[at] !== ':') return syntax('after-quote', text, rawName.toUpperCase());
	return ok({ param: [rawName.toUpperCase(), values], next: at });
}

function indexOfAny(text: string, chars: string, from: number): number {
	for (let i = from; i < text.length; i += 1) if (chars.includes(text[i] ?? '')) return i;
	return text.length;
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
