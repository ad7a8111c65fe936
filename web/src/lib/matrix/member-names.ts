// The display names a case room's members chose, by user ID, for the case
// page: from the room's state, and — for a member whose state holds no name —
// from their own latest join in the room's timeline.
// NOTE: the timeline is needed because the state can lack a join the
// timeline holds. Synapse 1.163 (with MSC4222's `use_state_after`, which the
// SDK asks for) answered an incremental /sync whose timeline held an
// invitation and then the invitee's join with an empty `state_after`; the
// SDK's kept sync state takes state from `state_after` alone when it is
// there, so after a reload the room's state still held the invitation, which
// carries no name (profiles are not looked up across servers), and the
// members list loaded afterwards does not replace a member the state already
// has. The person then read their own Matrix ID where their name belongs.
// Only a join counts, and only one the member sent themselves: nobody names
// someone else.
import type { Room } from './sdk.ts';

const chosen = (userId: string, name: unknown): string | undefined => {
	if (typeof name !== 'string') return undefined;
	const trimmed = name.trim();
	return trimmed === '' || trimmed === userId ? undefined : trimmed;
};

/** A member without a name anywhere is left out, and shown by ID. */
export function memberNames(room: Room): ReadonlyMap<string, string> {
	const names = new Map<string, string>();
	for (const member of room.getMembers()) {
		const name = chosen(member.userId, member.rawDisplayName);
		if (name !== undefined) names.set(member.userId, name);
	}
	const fromTimeline = new Map<string, string>();
	for (const event of room.getLiveTimeline().getEvents()) {
		if (event.getType() !== 'm.room.member') continue;
		const userId = event.getStateKey();
		const content = event.getContent();
		if (userId === undefined || event.getSender() !== userId || content['membership'] !== 'join') continue;
		const name = chosen(userId, content['displayname']);
		if (name !== undefined) fromTimeline.set(userId, name);
	}
	for (const [userId, name] of fromTimeline) if (!names.has(userId)) names.set(userId, name);
	return names;
}
