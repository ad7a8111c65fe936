// The default extradition workflow (UNTOC art. 16; DOMAIN.md, "Workflows"):
// (locate / Red Notice) → provisional arrest requested → person arrested →
// formal request received → consent (simplified) | contested → judicial phase
// ⇄ supplementary information → granted | refused → surrender scheduled ⇄
// postponed → surrendered → closed.
import { workflowId } from '../ids/codes.ts';
import { EITHER, REQUESTED, REQUESTING, rule, rulesFrom, statuses } from './rules.ts';
import type { Workflow } from './types.ts';

const OPEN = [
	'draft',
	'locating',
	'provisional-arrest-requested',
	'person-arrested',
	'formal-request-received',
	'consent',
	'contested',
	'judicial-phase',
	'supplementary-info-requested',
	'supplementary-info-provided',
	'granted',
	'surrender-scheduled',
	'surrender-postponed',
];

export const EXTRADITION_WORKFLOW: Workflow = {
	id: workflowId('extradition.v1'),
	kinds: ['extradition'],
	statuses: statuses(...OPEN, 'surrendered', 'refused', 'withdrawn', 'closed'),
	initial: statuses('draft')[0]!,
	terminal: statuses('closed'),
	transitions: [
		rule('draft', 'locating', REQUESTING),
		...rulesFrom(['draft', 'locating'], 'provisional-arrest-requested', REQUESTING),
		// NOTE: an arrest on a Red Notice can come before any provisional-arrest request.
		...rulesFrom(['locating', 'provisional-arrest-requested'], 'person-arrested', REQUESTED),
		...rulesFrom(['draft', 'locating', 'provisional-arrest-requested', 'person-arrested'], 'formal-request-received', REQUESTED, {
			basis: 'after a provisional arrest the formal request is due within the treaty period (often 18 days, up to 40)',
		}),
		...rulesFrom(['person-arrested', 'formal-request-received'], 'consent', REQUESTED, {
			basis: 'UNTOC art. 16(8): simplified procedures',
		}),
		rule('formal-request-received', 'contested', REQUESTED),
		...rulesFrom(['formal-request-received', 'contested'], 'judicial-phase', REQUESTED),
		...rulesFrom(['judicial-phase', 'supplementary-info-provided'], 'supplementary-info-requested', REQUESTED, { reason: 'required' }),
		rule('supplementary-info-requested', 'supplementary-info-provided', REQUESTING),
		rule('supplementary-info-provided', 'judicial-phase', REQUESTED),
		...rulesFrom(['consent', 'judicial-phase', 'supplementary-info-provided'], 'granted', REQUESTED),
		...rulesFrom(['judicial-phase', 'supplementary-info-requested', 'supplementary-info-provided'], 'refused', REQUESTED, {
			reason: 'required',
			basis: 'UNTOC art. 16(16): consult before refusing; give the reasons',
		}),
		rule('granted', 'surrender-scheduled', REQUESTED),
		...rulesFrom(['granted', 'surrender-scheduled'], 'surrender-postponed', REQUESTED, { reason: 'required' }),
		rule('surrender-postponed', 'surrender-scheduled', REQUESTED),
		rule('surrender-scheduled', 'surrendered', EITHER),
		...rulesFrom(OPEN, 'withdrawn', REQUESTING),
		...rulesFrom(['surrendered', 'refused', 'withdrawn'], 'closed', EITHER),
	],
};
