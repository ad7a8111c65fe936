// Short machine codes that name things defined as data: workflow statuses,
// workflows, offences of the crime taxonomy, and the roster's authorities.
// Networks add statuses and offences as data (DOMAIN.md: "new types can be
// added by a network without code changes"), so these are open sets checked
// by grammar, not closed unions.
import { err, ok, type Result } from '../../result.ts';
import type { AuthorityId } from '../../roster/types.ts';

/** A workflow status, e.g. "under-execution". */
export type StatusId = string & { readonly __brand: 'StatusId' };
/** A workflow definition's versioned name, e.g. "mla.v1" or "mla.refco.v1". */
export type WorkflowId = string & { readonly __brand: 'WorkflowId' };
/** An offence of the taxonomy, e.g. "drug-trafficking" or "cybercrime.sextortion". */
export type OffenceCode = string & { readonly __brand: 'OffenceCode' };

const STATUS = /^[a-z][a-z0-9-]{0,47}$/;
const WORKFLOW = /^[a-z][a-z0-9-]{0,31}(\.[a-z0-9-]{1,32}){0,3}\.v[1-9][0-9]{0,3}$/;
const OFFENCE = /^[a-z][a-z0-9-]{0,47}(\.[a-z][a-z0-9-]{0,47}){0,2}$/;
// NOTE: the same grammar policies/roster/validate.ts applies to roster entries.
const AUTHORITY = /^[a-z]{2}-[a-z0-9-]{1,30}$/;

function code<T extends string>(pattern: RegExp, what: string, example: string) {
	return (value: unknown): Result<T> => {
		if (typeof value !== 'string') return err(`${what} must be a string`);
		if (value.length > 120 || !pattern.test(value)) return err(`"${value.slice(0, 120)}" is not ${what} like "${example}"`);
		return ok(value as T);
	};
}

export const parseStatusId = code<StatusId>(STATUS, 'a status code', 'under-execution');
export const parseWorkflowId = code<WorkflowId>(WORKFLOW, 'a workflow id', 'mla.v1');
export const parseOffenceCode = code<OffenceCode>(OFFENCE, 'an offence code', 'cybercrime.sextortion');
// NOTE: an example no roster lists: these words reach the browser's bundle,
// which carries no roster (issue 10, acceptance 1).
export const parseAuthorityId = code<AuthorityId>(AUTHORITY, 'an authority id', 'xx-agency');

/** For data written in this repository: the literal is checked when the module loads. */
export function status(value: string): StatusId {
	const parsed = parseStatusId(value);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}

export function workflowId(value: string): WorkflowId {
	const parsed = parseWorkflowId(value);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}

export function offence(value: string): OffenceCode {
	const parsed = parseOffenceCode(value);
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.value;
}
