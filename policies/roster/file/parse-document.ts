// The steps every roster-file parser shares: text → tree (syntax, with lines)
// → shaped document (types and forms, key by key) → checks across entries.
// Each step's problems come back together, each naming the file.
import { err, ok, type Result } from '../../result.ts';
import type { RosterError } from './errors.ts';
import { newContext, type Problem, type Reader } from './read.ts';
import { parseTree } from './tree.ts';

export function parseWith<S, D>(
	text: string,
	file: string,
	shape: Reader<S>,
	finish: (shaped: S, lines: ReadonlyMap<string, number>) => { readonly document: D; readonly problems: readonly Problem[] },
): Result<D, RosterError[]> {
	const tree = parseTree(text, file);
	if (!tree.ok) return tree;
	const context = newContext();
	const shaped = shape(tree.value, '', context);
	const withFile = (problems: readonly Problem[]): RosterError[] => problems.map((p) => ({ file, ...p }));
	if (shaped === undefined || context.problems.length > 0) return err(withFile(sortByLine(context.problems)));
	const { document, problems } = finish(shaped, context.lines);
	return problems.length > 0 ? err(withFile(sortByLine(problems))) : ok(document);
}

function sortByLine(problems: readonly Problem[]): Problem[] {
	return [...problems].sort((a, b) => a.line - b.line);
}
