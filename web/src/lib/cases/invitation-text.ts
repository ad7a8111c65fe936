// What the dashboard says about an invitation waiting to be accepted: which
// sentence (it names the inviter, so the view isolates the name) and, for one
// still being tried or refused for now, why in the reader's language. Never
// the homeserver's own words: those go to the console (invitations.ts).
import * as m from '../paraglide/messages.js';
import type { PendingInvitation } from './invitations.ts';
import type { JoinProblem } from './join-failure.ts';

type InviterMessage = (inputs: { inviter: string }) => string;
type ReasonMessage = (inputs: { inviter: string; reason: string }) => string;

export type InvitationSentence =
	{ readonly message: InviterMessage; readonly reason?: undefined } | { readonly message: ReasonMessage; readonly reason: string };

export function invitationSentence(invitation: PendingInvitation): InvitationSentence {
	const problem = invitation.problem;
	switch (invitation.state) {
		case 'joining':
			return problem === undefined
				? { message: m.cases_invitation_joining }
				: { message: m.cases_invitation_retrying, reason: reasonText(problem) };
		case 'refused':
			return {
				message: m.cases_invitation_refused,
				reason: problem === undefined ? m.cases_invitation_why_unexpected() : reasonText(problem),
			};
		case 'impossible':
			return { message: endedMessage(problem) };
	}
}

/** Why an attempt failed, for one that may yet succeed. */
function reasonText(problem: JoinProblem): string {
	if (problem.kind === 'not-invited') return m.cases_invitation_why_not_settled();
	if (problem.kind !== 'transient') return m.cases_invitation_why_unexpected();
	switch (problem.failure) {
		case 'unreachable':
			return m.cases_invitation_why_unreachable();
		case 'rate-limited':
		case 'server-error':
			return m.cases_invitation_why_busy();
		case 'unexpected':
			return m.cases_invitation_why_unexpected();
	}
}

function endedMessage(problem: JoinProblem | undefined): InviterMessage {
	switch (problem?.kind) {
		case 'banned':
			return m.cases_invitation_banned;
		case 'gone':
			return m.cases_invitation_gone;
		case 'not-invited':
			return m.cases_invitation_withdrawn;
		default:
			return m.cases_invitation_impossible;
	}
}
