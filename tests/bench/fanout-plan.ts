// Who does what in the `plenary_fanout` bench, read from its roster file
// (tests/bench/plenary-fanout/roster.yaml) rather than written in the code: the
// network is the one network the roster declares, every authority of it on
// Rogatory takes part with one member on its own homeserver, the first in
// roster order sends, and the first two make the two-server baseline room.
// Pure.
import { err, ok, type Result } from '../../policies/result.ts';
import type { AuthorityId, NetworkId, Roster } from '../../policies/roster/types.ts';

export interface FanoutPlan {
	readonly network: NetworkId;
	/** Every authority of the network on Rogatory, in roster order; the first is the sender. */
	readonly members: readonly AuthorityId[];
	readonly sender: AuthorityId;
	/** The two authorities of the baseline room: the sender and the next one. */
	readonly pair: readonly [AuthorityId, AuthorityId];
}

/** Fewer would leave nothing to fan out to beyond the two-server baseline. */
export const MIN_MEMBERS = 3;

export function fanoutPlan(roster: Roster): Result<FanoutPlan, string> {
	const [network, ...more] = roster.networks;
	if (network === undefined || more.length > 0)
		return err(`the bench roster must declare exactly one network (the one to fan out in), not ${roster.networks.length}`);
	const members = roster.authorities.filter((a) => a.memberships.some((m) => m.network === network.id)).map((a) => a.id);
	const [sender, second] = members;
	if (sender === undefined || second === undefined || members.length < MIN_MEMBERS)
		return err(
			`the bench roster's network ${network.id} has ${members.length} authorities with a homeserver; the bench needs at least ${MIN_MEMBERS}`,
		);
	return ok({ network: network.id, members, sender, pair: [sender, second] });
}
