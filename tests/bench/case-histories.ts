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
	type TransitionRule,
} from '../../policies/cases/index.ts';
import { AMINA, ANA, OPENED, envelope } from '../../policies/cases/testing/fixtures.ts';

export function caseHistory(caseIndex: number, perCase: number): CaseEventEnvelope[] {
	const id = (n: number) => `$c${caseIndex}e${n}`;
	const other = (side: Side): Side => (side === 'requested' ? 'requesting' : 'requested');
	const events: CaseEventEnvelope[] = [envelope(id(0), ANA, 1_000, OPENED)];
	let status = MLA_WORKFLOW.initial;
	let follows = id(0) as TransitionId;
	let preferred: Side = 'requested';
	for (let n = 1; events.length < perCase; n++) {
		const rule: TransitionRule | undefined =
			allowedTransitions(MLA_WORKFLOW, status, preferred)[0] ?? allowedTransitions(MLA_WORKFLOW, status, other(preferred))[0];
		const at = 1_000 + n * 60_000;
		if (n % 3 === 0 || rule === undefined) {
			events.push(envelope(id(n), AMINA, at, { type: 'note', text: `Note ${n} on case ${caseIndex}: documents attached to the file.` }));
			continue;
		}
		const actor: Side = rule.by.includes(preferred) ? preferred : other(preferred);
		const move: CaseEvent = {
			type: 'transition',
			follows,
			from: status,
			to: rule.to,
			...(rule.reason === 'required' ? { reason: 'Grounds given in the attached letter.' } : {}),
		};
		events.push(envelope(id(n), actor === 'requesting' ? ANA : AMINA, at, move));
		status = rule.to;
		follows = id(n) as TransitionId;
		preferred = other(actor);
	}
	return events;
}
