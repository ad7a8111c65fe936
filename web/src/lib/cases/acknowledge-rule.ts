// Whether the viewer may still say they have a request in hand (issue 16):
// they are on the requested side and have not said so — neither in the
// record (the acknowledgements that count), nor on its way (the outbox), nor
// in an acknowledgement of theirs the server has echoed that the trust rule
// has not weighed yet. The last matters on a page opened afresh: the room is
// folded before its reader knows its own devices' cross-signing again, so
// the viewer's own earlier acknowledgement does not count for a moment, and
// opening an urgent request would say it a second time (seen in
// tests/e2e/escalation-ack.e2e.ts: two "I have it" in the conversation).
// So does an event of the viewer's that is not decrypted again yet on such a
// page (OWN_EVENT_UNREAD): it may be their acknowledgement, so nothing is
// said until it is read (seen in the same test, once, in a clean-clone run).
// Pure.
import type { Side } from '#policies/cases/index.ts';

export interface AcknowledgeState {
	/** The viewer's side in the case; undefined when not a party. */
	readonly side: Side | undefined;
	readonly me: string;
	/** Who acknowledged, as the record has it (only what counts). */
	readonly acknowledgedBy: readonly string[];
	/** An acknowledgement of the viewer's waits in the outbox. */
	readonly queued: boolean;
	/** The server echoed an acknowledgement of the viewer's, counted yet or not. */
	readonly echoed: boolean;
}

/** Among the types of the viewer's echoed case events (cases.ts ownCaseEventTypes): one not decrypted yet, which may be any. */
export const OWN_EVENT_UNREAD = 'org.rogatory.unread';

/** Whether the viewer's echoed events (their case types) hold an acknowledgement, or one not read yet that may be one. */
export function echoedAcknowledgement(ownTypes: ReadonlySet<string> | undefined): boolean {
	return ownTypes !== undefined && (ownTypes.has('acknowledged') || ownTypes.has(OWN_EVENT_UNREAD));
}

export function mayAcknowledge(state: AcknowledgeState): boolean {
	return state.side === 'requested' && !state.acknowledgedBy.includes(state.me) && !state.queued && !state.echoed;
}
