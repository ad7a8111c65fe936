// Why the homeserver refused to let the viewer into a case room they were
// invited to, and whether trying again can ever help. Pure: it reads the
// Failure that lib/matrix/failure.ts made of the SDK's error.
//
// What Synapse answers (synapse/federation/federation_server.py,
// synapse/handlers/room_member.py, synapse/event_auth.py):
// - the room's server ACL bans the viewer's homeserver: 403 M_FORBIDDEN
//   "Server is banned from room", relayed as is by the viewer's homeserver;
//   the viewer banned from the room: 403 M_FORBIDDEN "You are banned from
//   the room". Neither changes by waiting.
// - no invitation (yet): 403 M_FORBIDDEN "You are not invited to this room."
//   This is also the answer in the moment after a remote invitation is
//   relayed and before it is stored (invitations.ts), so it is tried again on
//   the schedule; once the schedule is spent it means the invitation was
//   withdrawn.
// - the room is gone (no server left in it, or unknown): 404, M_NOT_FOUND or
//   "No known servers".
// - anything else that is not the homeserver's considered refusal (no
//   answer, 429, 5xx, a browser error) is passing: tried again on the schedule.
import type { Failure } from '../matrix/failure.ts';

export type JoinProblem =
	/** Passing: no answer, too many requests, a server error, a browser hiccup. */
	| { readonly kind: 'transient'; readonly failure: 'unreachable' | 'rate-limited' | 'server-error' | 'unexpected' }
	/** "Not invited": the invitation has not settled yet, or was withdrawn. */
	| { readonly kind: 'not-invited' }
	/** The room bans the viewer's homeserver (server ACL) or the viewer. */
	| { readonly kind: 'banned' }
	/** The room no longer exists anywhere the homeserver can reach. */
	| { readonly kind: 'gone' }
	/** Another refusal that waiting will not change (e.g. an unsupported room version). */
	| { readonly kind: 'refused' };

export function joinProblemOf(failure: Failure): JoinProblem {
	switch (failure.kind) {
		case 'unreachable':
			return { kind: 'transient', failure: 'unreachable' };
		case 'rate-limited':
			return { kind: 'transient', failure: 'rate-limited' };
		case 'unexpected':
			return { kind: 'transient', failure: 'unexpected' };
		case 'signed-out-elsewhere':
			// NOTE: the session view signs the person out; nothing to try again here.
			return { kind: 'refused' };
		case 'refused':
			return refusal(failure.status, failure.errcode, failure.detail);
	}
}

function refusal(status: number | undefined, errcode: string | undefined, detail: string): JoinProblem {
	if (status === 404 || errcode === 'M_NOT_FOUND') return { kind: 'gone' };
	if (status !== undefined && status >= 500) return { kind: 'transient', failure: 'server-error' };
	if (status === 403 || errcode === 'M_FORBIDDEN') return /\bbanned\b/i.test(detail) ? { kind: 'banned' } : { kind: 'not-invited' };
	if (status === undefined && errcode === undefined) return { kind: 'transient', failure: 'unexpected' };
	return { kind: 'refused' };
}

/** Whether another attempt can help: passing problems, and "not invited" while the schedule lasts. */
export function worthRetrying(problem: JoinProblem): boolean {
	return problem.kind === 'transient' || problem.kind === 'not-invited';
}
