// A YAML (or JSON, which is YAML) text as a small tree of maps, lists and
// scalars, each carrying the 1-based line it starts on, so every later check
// can name the line of what it refuses. Syntax errors come back as values.
// NOTE: anchors, aliases and tags are refused: a roster is read by people at
// every authority of a network, and a value defined elsewhere in the file
// hides what an entry really says.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { err, ok, type Result } from '../../result.ts';
import type { RosterError } from './errors.ts';

export type Scalar = string | number | boolean | null;

export interface MapNode {
	readonly kind: 'map';
	readonly line: number;
	/** Keys in file order, each with the line of the key and its value. */
	readonly entries: ReadonlyMap<string, { readonly line: number; readonly value: TreeNode }>;
}
export interface ListNode {
	readonly kind: 'list';
	readonly line: number;
	readonly items: readonly TreeNode[];
}
export interface ScalarNode {
	readonly kind: 'scalar';
	readonly line: number;
	readonly value: Scalar;
}
export type TreeNode = MapNode | ListNode | ScalarNode;

type Problem = { readonly path: string; readonly line: number; readonly message: string };

function convert(node: unknown, path: string, lineOf: (offset: number) => number, problems: Problem[], fallbackLine: number): TreeNode {
	const line = (n: YamlNode | null | undefined) => (n?.range ? lineOf(n.range[0]) : fallbackLine);
	if (node === null || node === undefined) return { kind: 'scalar', line: fallbackLine, value: null };
	if (isAlias(node)) {
		problems.push({ path, line: line(node), message: 'anchors and aliases (*name) are not allowed; write the value out in full.' });
		return { kind: 'scalar', line: line(node), value: null };
	}
	if (isMap(node)) {
		const entries = new Map<string, { line: number; value: TreeNode }>();
		for (const pair of node.items) {
			const keyNode = isScalar(pair.key) ? pair.key : undefined;
			const keyLine = keyNode?.range ? lineOf(keyNode.range[0]) : line(node);
			if (keyNode === undefined || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
				problems.push({ path, line: keyLine, message: 'every key must be a plain name.' });
				continue;
			}
			const key = String(keyNode.value);
			const at = path === '' ? key : `${path}.${key}`;
			entries.set(key, { line: keyLine, value: convert(pair.value, at, lineOf, problems, keyLine) });
		}
		return { kind: 'map', line: line(node), entries };
	}
	if (isSeq(node)) {
		const start = line(node);
		return { kind: 'list', line: start, items: node.items.map((item, i) => convert(item, `${path}[${i}]`, lineOf, problems, start)) };
	}
	if (isScalar(node)) {
		const value = node.value;
		if (node.tag !== undefined && !node.tag.startsWith('tag:yaml.org,2002:'))
			problems.push({ path, line: line(node), message: `the tag ${node.tag} is not allowed.` });
		if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null)
			return { kind: 'scalar', line: line(node), value };
	}
	problems.push({ path, line: fallbackLine, message: 'this value cannot be read.' });
	return { kind: 'scalar', line: fallbackLine, value: null };
}

/** The text's tree, or its syntax errors (each with its line). */
export function parseTree(text: string, file: string): Result<TreeNode, RosterError[]> {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2', schema: 'core' });
	const lineOf = (offset: number) => Math.max(1, lineCounter.linePos(offset).line);
	if (doc.errors.length > 0)
		return err(
			doc.errors.map((e) => ({ file, path: '', line: lineOf(e.pos[0]), message: `this is not valid YAML: ${firstLine(e.message)}` })),
		);
	const problems: Problem[] = [];
	const tree = convert(doc.contents, '', lineOf, problems, 1);
	if (problems.length > 0) return err(problems.map((p) => ({ file, ...p })));
	return ok(tree);
}

function firstLine(message: string): string {
	const line = message.split('\n')[0] ?? message;
	return line.endsWith('.') ? line : `${line}.`;
}
