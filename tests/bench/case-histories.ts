// Realistic case histories for the `fold` benchmark: each case is an MLA
// request opened by Guatemala and answered by Nigeria, moving along the
// workflow (the first allowed move at each step, alternating sides where it
// can), with notes in between, exactly `perCase` events long.
import {
	MLA_WORKFLOW,
	allowedTransitions,
	type CaseEvent,
	type CaseEventEnvelope,
	type Side,
	type TransitionId,
} from '../../policies/cases/index.ts';
import { AMINA, ANA, OPENED, envelope } from '../../policies/cases/testing/fixtures.ts';

export function caseHistory(caseIndex: number, perCase: number): CaseEventEnvelope[] {
	const id = (n: number) => `$c${caseIndex}e${n}`;
	const events: CaseEventEnvelope[] = [envelope(id(0), ANA, 1_000, OPENED)];
	let status = MLA_WORKFLOW.initial;
	let follows = id(0) as TransitionId;
	let side: Side = 'requested';
	for (let n = 1; events.length < perCase; n++) {
		const rule =
			allowedTransitions(MLA_WORKFLOW, status, side)[0] ??
			allowedTransitions(MLA_WORKFLOW, status, side === 'requested' ? 'requesting' : 'requested')[0];
		let event: CaseEvent;
		if (n % 3 === 0 || rule === undefined)
			event = { type: 'note', text: `Note ${n} on case ${caseIndex}: documents attached to the file.` };
		else {
			event = {
				type: 'transition',
				follows,
				from: status,
				to: rule.to,
				...(rule.reason === 'required' ? { reason: 'Grounds given in the attached letter.' } : {}),
			};
			side = rule.by.includes('requested') ? 'requested' : 'requesting';
			status = rule.to;
			follows = id(n) as TransitionId;
		}
		const sender = event.type === 'transition' && side === 'requesting' ? ANA : AMINA;
		events.push(envelope(id(n), sender, 1_000 + n * 60_000, event));
		side = side === 'requested' ? 'requesting' : 'requested';
	}
	return events;
}
