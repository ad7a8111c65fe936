// When to re-issue a case room's server ACL after a party server joined
// (cases.ts, reissueAclAfterJoins, says why): looked at every time the room is
// read, but sent at most once per ACL event — a burst of reads while one is
// being sent sends nothing more, and once an ACL was re-issued after an event
// the room's next reads leave it alone until a newer ACL event arrives.
import { reissueAclAfterJoins, SERVER_ACL } from './cases.ts';
import type { MatrixClient, Room } from './sdk.ts';

export class AclReissue {
	/** The ACL event each room's ACL was last re-issued after. */
	readonly #reissuedAfter = new Map<string, string>();
	readonly #reissuing = new Set<string>();

	/** Re-issues the room's ACL if a party server joined since its current ACL event, unless that is under way or done. */
	consider(client: MatrixClient, room: Room): void {
		const current = room.currentState.getStateEvents(SERVER_ACL, '')?.getId();
		if (current === undefined || this.#reissuing.has(room.roomId) || this.#reissuedAfter.get(room.roomId) === current) return;
		this.#reissuing.add(room.roomId);
		void reissueAclAfterJoins(client, room).then((sent) => {
			this.#reissuing.delete(room.roomId);
			if (sent) this.#reissuedAfter.set(room.roomId, current);
		});
	}
}
