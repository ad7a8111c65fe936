// The default workflow for every other request kind (preservation,
// spontaneous information, transfers, joint investigations, confiscation,
// law-enforcement cooperation) until a network defines a closer one.
import { workflowId } from '../ids/codes.ts';
import { EITHER, REQUESTED, REQUESTING, rule, rulesFrom, statuses } from './rules.ts';
import type { Workflow } from './types.ts';

const OPEN = ['draft', 'sent', 'received', 'additional-info-requested', 'info-provided', 'in-progress'];

export const GENERIC_WORKFLOW: Workflow = {
	id: workflowId('generic.v1'),
	kinds: [
		'preservation',
		'spontaneous-information',
		'transfer-of-sentenced-persons',
		'transfer-of-proceedings',
		'joint-investigation',
		'confiscation',
		'law-enforcement-cooperation',
	],
	statuses: statuses(...OPEN, 'completed', 'refused', 'withdrawn', 'closed'),
	initial: statuses('draft')[0]!,
	terminal: statuses('closed'),
	transitions: [
		rule('draft', 'sent', REQUESTING),
		rule('sent', 'received', REQUESTED),
		...rulesFrom(['received', 'info-provided'], 'additional-info-requested', REQUESTED, { reason: 'required' }),
		rule('additional-info-requested', 'info-provided', REQUESTING),
		...rulesFrom(['received', 'info-provided'], 'in-progress', REQUESTED),
		rule('in-progress', 'completed', REQUESTED),
		...rulesFrom(['received', 'additional-info-requested', 'info-provided', 'in-progress'], 'refused', REQUESTED, { reason: 'required' }),
		...rulesFrom(OPEN, 'withdrawn', REQUESTING),
		...rulesFrom(['completed', 'refused', 'withdrawn'], 'closed', EITHER),
	],
};
