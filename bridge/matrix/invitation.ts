// Whether the bot joins a room it is invited to: only when the inviter speaks
// for the bot's own authority or for an authority its homeserver federates
// with (a shared network or a cross-network link, policies/roster). Any other
// invitation is refused, and the refusal is recorded with its reason (issue 4).
// Pure: the caller joins or leaves and records the decision.
import { parseUserId, serverNameOf } from '../../policies/cases/index.ts';
import { federationPeers } from '../../policies/roster/federation.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';

export interface InvitationPolicy {
	readonly roster: Roster;
	/** Server name (port included, as in user IDs) → authority; serversFromRoster, or the local federation's map. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The bot's own authority. */
	readonly authority: AuthorityId;
}

export interface InvitationDecision {
	readonly decision: 'accepted' | 'refused';
	readonly reason: string;
}

export function decideInvitation(inviter: string, policy: InvitationPolicy): InvitationDecision {
	const user = parseUserId(inviter);
	if (!user.ok) return { decision: 'refused', reason: `the inviter "${inviter}" is not a user ID: ${user.error}` };
	const server = serverNameOf(user.value);
	const authority = policy.servers.get(server);
	if (authority === undefined) {
		return { decision: 'refused', reason: `the inviter's homeserver ${server} serves no authority in the roster` };
	}
	if (authority === policy.authority) return { decision: 'accepted', reason: `the inviter is of ${authority}, the bot's own authority` };
	if (federationPeers(policy.roster, policy.authority).includes(authority)) {
		return { decision: 'accepted', reason: `the inviter's authority ${authority} shares a network or a link with ${policy.authority}` };
	}
	return { decision: 'refused', reason: `the inviter's authority ${authority} shares no network or link with ${policy.authority}` };
}
