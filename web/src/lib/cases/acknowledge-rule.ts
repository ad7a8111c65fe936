// Whether the viewer may still say they have a request in hand (issue 16):
// they are on the requested side and have not said so — neither in the
// record (the acknowledgements that count), nor on its way (the outbox), nor
// in an acknowledgement of theirs the server has echoed that the trust rule
// has not weighed yet. The last matters on a page opened afresh: the room is
// folded before its reader knows its own devices' cross-signing again, so
// the viewer's own earlier acknowledgement does not count for a moment, and
// opening an urgent request would say it a second time (seen in
// tests/e2e/escalation-ack.e2e.ts: two "I have it" in the conversation).
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

export function mayAcknowledge(state: AcknowledgeState): boolean {
	return state.side === 'requested' && !state.acknowledgedBy.includes(state.me) && !state.queued && !state.echoed;
}
