// Who has left the directory (issue 12, "Cards": departed people disappear
// from search). Two ways out, both decided here for the fold:
// - Their authority removed them: the latest payload about the person is a
//   `removed` event. The fold has already applied the trust chain (only the
//   authority's bridge and editors count) and kept the latest payload per
//   person, so an older entry arriving later does not bring them back and a
//   later one does.
// - Their account left the directory room. Synapse makes a deactivated
//   account leave every room, and every reader's client is in the network's
//   directory room, so every reader sees that `leave` (or a `ban`). What the
//   reader's client knows of the room's memberships comes in as data
//   (MembershipFact); nothing here asks a server.
// An account that never joined (someone who never opened the directory) has
// not left: a leave or ban counts only when the account was in the room
// before, and joining again brings the person back.
import { isUserId } from '../../cases/ids/matrix.ts';
import type { DepartedPerson, DirectoryPayload, DirectoryView, PersonEntry } from '../types.ts';

/** One `m.room.member` event of the directory room as the reader's client holds it. */
export interface MembershipFact {
	/** The account (the event's state key). */
	readonly user: string;
	/** The membership it gives: `join`, `leave`, `ban`, `invite`, `knock`. */
	readonly membership: string;
	/** The membership it replaced, when the homeserver said so (`unsigned.prev_content`). */
	readonly previous?: string;
}

const OUT = new Set(['leave', 'ban']);

/**
 * The accounts that were in the directory room and are out of it now, from
 * the memberships the client holds, oldest first (the last fact about an
 * account is its membership now).
 */
export function departedAccounts(facts: readonly MembershipFact[]): ReadonlySet<string> {
	const wasIn = new Set<string>();
	const last = new Map<string, MembershipFact>();
	for (const fact of facts) {
		if (fact.membership === 'join' || fact.previous === 'join') wasIn.add(fact.user);
		last.set(fact.user, fact);
	}
	const departed = new Set<string>();
	for (const [user, fact] of last) {
		if (!OUT.has(fact.membership)) continue;
		// NOTE: a bare `leave` (the server did not say what it replaced, as
		// /members answers) was a join: no one is invited into a directory room
		// and it takes no knocks (join rule public behind the ACL), so a leave
		// follows a join. A ban may name anyone, so it needs a join seen.
		const bareLeave = fact.membership === 'leave' && fact.previous === undefined;
		if (wasIn.has(user) || bareLeave) departed.add(user);
	}
	return departed;
}

/** The account a person entry names: its Matrix ID, else its id when that is one. */
export function accountOf(entry: PersonEntry): string | undefined {
	if (entry.matrixId !== undefined) return entry.matrixId;
	return isUserId(entry.id) ? entry.id : undefined;
}

type PersonPayload = Extract<DirectoryPayload, { type: 'person' | 'removed' }>;

/**
 * Sorts the latest payload of each person into those the directory shows and
 * those who have left (kept so that a link to them can say so), in the
 * order given.
 */
export function sortDepartures(
	latest: readonly PersonPayload[],
	facts: readonly MembershipFact[],
): { people: DirectoryView['people']; departed: DepartedPerson[] } {
	const gone = departedAccounts(facts);
	const people: DirectoryView['people'][number][] = [];
	const departed: DepartedPerson[] = [];
	for (const p of latest) {
		if (p.type === 'removed') departed.push({ authority: p.authority, person: p.person, why: p.why, updated: p.updated });
		else {
			const account = accountOf(p.entry);
			if (account !== undefined && gone.has(account))
				departed.push({ authority: p.entry.authority, person: p.entry.id, why: 'left', entry: p.entry, updated: p.updated });
			else people.push({ entry: p.entry, updated: p.updated });
		}
	}
	return { people, departed };
}
