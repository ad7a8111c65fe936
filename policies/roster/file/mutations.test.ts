// Every key of a valid roster, removed or given a value of the wrong type,
// is refused with that key's path (when the key is required) — so no key of
// the format goes unchecked.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseRoster } from './parse-roster.ts';
import { VALID_ROSTER } from './testing/valid-roster.ts';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type Step = string | number;

/** The optional keys of the format, list indices left out. */
const OPTIONAL = new Set([
	'links',
	'secretariats',
	'authorities[].names',
	'authorities[].homeserver',
	'authorities[].memberships[].since',
	'secretariats[].names',
	'secretariats[].homeserver',
]);

function pathText(steps: readonly Step[]): string {
	return steps.reduce<string>((text, step) => (typeof step === 'number' ? `${text}[${step}]` : text === '' ? step : `${text}.${step}`), '');
}

/** Every key path in `value`, list items included, with the value there. */
function paths(value: Json, steps: Step[] = []): { steps: Step[]; value: Json }[] {
	const here = steps.length === 0 ? [] : [{ steps, value }];
	if (Array.isArray(value)) return [...here, ...value.flatMap((item, i) => paths(item, [...steps, i]))];
	if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...steps, k]))];
	return here;
}

function mutate(document: Json, steps: readonly Step[], change: (parent: Json[] | Record<string, Json>, last: Step) => void): Json {
	const copy = structuredClone(document);
	let parent = copy as Json[] | Record<string, Json>;
	for (const step of steps.slice(0, -1)) parent = (parent as Record<string, Json>)[step] as Json[] | Record<string, Json>;
	change(parent, steps[steps.length - 1] as Step);
	return copy;
}

/** A value of another type than `value`. */
function wrongType(value: Json): Json {
	if (typeof value === 'string') return ['a', 'list'];
	if (typeof value === 'number') return 'a text';
	if (Array.isArray(value)) return 'a text';
	return 42;
}

const valid = parse(VALID_ROSTER) as Json;
const all = paths(valid);
const keys = all.filter((p) => typeof p.steps[p.steps.length - 1] === 'string');

describe('a mutated valid roster', () => {
	it('is valid before mutation', () => {
		expect(parseRoster(stringify(valid), 'roster.yaml').ok).toBe(true);
		expect(keys.length).toBeGreaterThan(40);
	});

	it.each(all.map((p) => [pathText(p.steps), p] as const))('with %s of the wrong type is refused at that path', (path, p) => {
		const text = stringify(mutate(valid, p.steps, (parent, last) => ((parent as Record<string, Json>)[last] = wrongType(p.value))));
		const parsed = parseRoster(text, 'roster.yaml');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error.map((e) => e.path)).toContain(path);
	});

	it.each(keys.map((p) => [pathText(p.steps), p] as const))('without %s is refused at that path when the key is required', (path, p) => {
		const last = p.steps[p.steps.length - 1] as string;
		const text = stringify(mutate(valid, p.steps, (parent) => delete (parent as Record<string, Json>)[last]));
		const parsed = parseRoster(text, 'roster.yaml');
		if (OPTIONAL.has(path.replace(/\[\d+\]/g, '[]'))) {
			// Leaving out an optional key may break a check across entries (no secretariats), never the shape.
			if (!parsed.ok) expect(parsed.error.map((e) => e.path)).not.toContain(path);
		} else {
			expect(parsed.ok).toBe(false);
			if (!parsed.ok) expect(parsed.error.map((e) => e.path)).toContain(path);
		}
	});
});
