// Readers that turn a tree (tree.ts) into typed documents, key by key, and
// collect every problem with its key path and line instead of stopping at the
// first (STYLE.md, 8). `record` refuses unknown keys and reports missing
// required ones; the others check one value's type and form. Every path read
// is remembered with its line, so checks across entries (duplicates,
// references) can name the line too.
import type { ScalarNode, TreeNode } from './tree.ts';

export interface Problem {
	readonly path: string;
	readonly line: number;
	readonly message: string;
}

export interface Context {
	readonly problems: Problem[];
	/** Key path → line, for every value read. */
	readonly lines: Map<string, number>;
}

export type Reader<T> = (node: TreeNode, path: string, context: Context) => T | undefined;

/** A check of a value's form: undefined when it is fine, else what is wrong. */
export type Check<T> = (value: T) => string | undefined;

export const newContext = (): Context => ({ problems: [], lines: new Map() });

export const keyPath = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);

function kindOf(node: TreeNode): string {
	if (node.kind === 'map') return 'a mapping of keys';
	if (node.kind === 'list') return 'a list';
	if (node.value === null) return 'empty';
	if (typeof node.value === 'boolean') return `${node.value}`;
	if (typeof node.value === 'number') return `the number ${node.value}`;
	return `the text "${node.value}"`;
}

function refuse(context: Context, path: string, line: number, message: string): undefined {
	context.problems.push({ path, line, message });
	return undefined;
}

function scalar<T>(want: string, pick: (node: ScalarNode) => T | undefined, check?: Check<T>): Reader<T> {
	return (node, path, context) => {
		context.lines.set(path, node.line);
		const value = node.kind === 'scalar' ? pick(node) : undefined;
		if (value === undefined) return refuse(context, path, node.line, `must be ${want}, not ${kindOf(node)}.`);
		const problem = check?.(value);
		return problem === undefined ? value : refuse(context, path, node.line, problem);
	};
}

/** A non-empty text, optionally checked. */
export const text = (check?: Check<string>): Reader<string> =>
	scalar('a text', (n) => (typeof n.value === 'string' && n.value.trim() !== '' ? n.value : undefined), check);

/** A whole number, optionally checked. */
export const integer = (check?: Check<number>): Reader<number> =>
	scalar('a whole number', (n) => (typeof n.value === 'number' && Number.isInteger(n.value) ? n.value : undefined), check);

/** A number (hours, seconds), optionally checked. */
export const number = (check?: Check<number>): Reader<number> =>
	scalar('a number', (n) => (typeof n.value === 'number' && Number.isFinite(n.value) ? n.value : undefined), check);

/** true or false (YAML's own booleans; "yes" or "on" are texts, refused). */
export const boolean = (): Reader<boolean> => scalar('true or false', (n) => (typeof n.value === 'boolean' ? n.value : undefined));

/** One of a fixed set of texts. */
export function oneOf<T extends string>(values: readonly T[]): Reader<T> {
	return text((v) => (values.includes(v as T) ? undefined : `"${v}" is not one of ${values.join(', ')}.`)) as Reader<T>;
}

/** A list of items read by `item`; `nonEmpty` refuses an empty list. */
export function list<T>(item: Reader<T>, options: { readonly nonEmpty?: string } = {}): Reader<T[]> {
	return (node, path, context) => {
		context.lines.set(path, node.line);
		if (node.kind !== 'list') return refuse(context, path, node.line, `must be a list, not ${kindOf(node)}.`);
		if (node.items.length === 0 && options.nonEmpty !== undefined) return refuse(context, path, node.line, options.nonEmpty);
		const values = node.items.map((child, i) => item(child, `${path}[${i}]`, context));
		return values.every((v): v is T => v !== undefined) ? values : undefined;
	};
}

export interface Field<T, Optional extends boolean> {
	/** The key as written in the file. */
	readonly key: string;
	readonly read: Reader<T>;
	readonly optional: Optional;
}

export const required = <T>(key: string, read: Reader<T>): Field<T, false> => ({ key, read, optional: false });
export const optional = <T>(key: string, read: Reader<T>): Field<T, true> => ({ key, read, optional: true });

type Shape = Readonly<Record<string, Field<unknown, boolean>>>;
type Value<F> = F extends Field<infer T, boolean> ? T : never;
export type Built<S extends Shape> = {
	readonly [K in keyof S as S[K] extends Field<unknown, false> ? K : never]: Value<S[K]>;
} & {
	readonly [K in keyof S as S[K] extends Field<unknown, false> ? never : K]?: Value<S[K]>;
};

/** A mapping with exactly the keys of `shape` (optional ones may be left out). */
export function record<S extends Shape>(shape: S): Reader<Built<S>> {
	const known = Object.values(shape).map((f) => f.key);
	return (node, path, context) => {
		context.lines.set(path, node.line);
		if (node.kind !== 'map')
			return refuse(context, path, node.line, `must be a mapping of keys (${known.join(', ')}), not ${kindOf(node)}.`);
		const entries = node.entries;
		let complete = true;
		for (const [key, entry] of entries) {
			if (known.includes(key)) continue;
			refuse(context, keyPath(path, key), entry.line, `unknown key; the keys allowed here are ${known.join(', ')}.`);
			complete = false;
		}
		const out: Record<string, unknown> = {};
		for (const [name, field] of Object.entries(shape)) {
			const at = keyPath(path, field.key);
			const entry = entries.get(field.key);
			if (entry === undefined) {
				if (!field.optional) {
					refuse(context, at, node.line, 'this key is required and missing.');
					complete = false;
				}
				continue;
			}
			const value = field.read(entry.value, at, context);
			if (value === undefined) complete = false;
			else out[name] = value;
		}
		return complete ? (out as Built<S>) : undefined;
	};
}
