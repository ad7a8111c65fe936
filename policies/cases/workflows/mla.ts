// The default mutual legal assistance workflow (UNTOC art. 18; DOMAIN.md,
// "Workflows"): draft → (informal consultation) → sent → received →
// additional information ⇄ provided → accepted → under execution →
// (postponed) → partially executed | executed | refused | withdrawn → closed,
// with return or forwarding of a deficient request.
import { workflowId } from '../ids/codes.ts';
import { EITHER, REQUESTED, REQUESTING, rule, rulesFrom, statuses } from './rules.ts';
import type { Workflow } from './types.ts';

const REASON = { reason: 'required' } as const;
const REFUSAL = { reason: 'required', basis: 'UNTOC art. 18(23): reasons shall be given for any refusal' } as const;

export const MLA_WORKFLOW: Workflow = {
	id: workflowId('mla.v1'),
	kinds: ['mla'],
	statuses: statuses(
		'draft',
		'informal-consultation',
		'sent',
		'received',
		'additional-info-requested',
		'info-provided',
		'accepted',
		'under-execution',
		'postponed',
		'partially-executed',
		'executed',
		'refused',
		'withdrawn',
		'returned',
		'forwarded',
		'closed',
	),
	initial: statuses('draft')[0]!,
	terminal: statuses('closed'),
	transitions: [
		rule('draft', 'informal-consultation', REQUESTING),
		rule('informal-consultation', 'draft', REQUESTING),
		rule('informal-consultation', 'sent', REQUESTING),
		rule('draft', 'sent', REQUESTING),
		rule('sent', 'received', REQUESTED),
		...rulesFrom(['sent', 'received'], 'returned', REQUESTED, { reason: 'required', basis: 'a deficient request may be returned' }),
		...rulesFrom(['sent', 'received'], 'forwarded', REQUESTED, { reason: 'required', basis: 'name the competent authority it went to' }),
		rule('returned', 'sent', REQUESTING),
		rule('received', 'additional-info-requested', REQUESTED, REASON),
		rule('info-provided', 'additional-info-requested', REQUESTED, REASON),
		rule('additional-info-requested', 'info-provided', REQUESTING),
		...rulesFrom(['received', 'info-provided'], 'accepted', REQUESTED),
		rule('accepted', 'under-execution', REQUESTED),
		rule('under-execution', 'postponed', REQUESTED, {
			reason: 'required',
			basis: 'UNTOC art. 18(25): postponement because execution interferes with an ongoing investigation',
		}),
		rule('postponed', 'under-execution', REQUESTED),
		rule('under-execution', 'partially-executed', REQUESTED),
		rule('partially-executed', 'under-execution', REQUESTED),
		...rulesFrom(['under-execution', 'partially-executed'], 'executed', REQUESTED),
		...rulesFrom(
			['received', 'additional-info-requested', 'info-provided', 'accepted', 'under-execution', 'postponed'],
			'refused',
			REQUESTED,
			REFUSAL,
		),
		...rulesFrom(
			[
				'draft',
				'informal-consultation',
				'sent',
				'received',
				'additional-info-requested',
				'info-provided',
				'accepted',
				'under-execution',
				'postponed',
				'returned',
			],
			'withdrawn',
			REQUESTING,
		),
		...rulesFrom(['executed', 'partially-executed', 'refused', 'withdrawn', 'returned', 'forwarded'], 'closed', EITHER),
	],
};
