// The rule table in use: the built-in rules plus the national rules a network
// or authority supplied as data (parse.ts). A national rule never replaces a
// built-in one silently: an id that is already taken is an error.
import { err, ok, type Result } from '../result.ts';
import type { PreservationRule } from './types.ts';

export function mergeRules(base: readonly PreservationRule[], extra: readonly PreservationRule[]): Result<PreservationRule[], string[]> {
	const taken = new Set<string>(base.map((r) => r.id));
	const problems = extra.flatMap((r, i) => (taken.has(r.id) ? [`rules[${i}].id: "${r.id}" is already a rule; choose another id`] : []));
	return problems.length === 0 ? ok([...base, ...extra]) : err(problems);
}

export function findRule(rules: readonly PreservationRule[], id: string): Result<PreservationRule> {
	const found = rules.find((r) => r.id === id);
	if (found !== undefined) return ok(found);
	return err(`unknown rule "${id}"; the rules are: ${rules.map((r) => r.id).join(', ')}`);
}
