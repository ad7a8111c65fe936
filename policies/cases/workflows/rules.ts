// Shorthand for writing workflow definitions: `rule('sent', 'received', REQUESTED)`.
import { status } from '../ids/codes.ts';
import type { Side } from '../vocabulary/request.ts';
import type { RuleOptions, TransitionRule } from './types.ts';

export const REQUESTING: readonly Side[] = ['requesting'];
export const REQUESTED: readonly Side[] = ['requested'];
export const EITHER: readonly Side[] = ['requesting', 'requested'];

export function rule(from: string, to: string, by: readonly Side[], options: RuleOptions = {}): TransitionRule {
	const base = { from: status(from), to: status(to), by, reason: options.reason ?? 'optional' } as const;
	return options.basis === undefined ? base : { ...base, basis: options.basis };
}

/** The same move from several statuses, e.g. withdrawal from any open status. */
export function rulesFrom(froms: readonly string[], to: string, by: readonly Side[], options: RuleOptions = {}): TransitionRule[] {
	return froms.map((from) => rule(from, to, by, options));
}

export const statuses = (...ids: string[]) => ids.map(status);
