// One joined case room as the case-room feed (case-room-feed.ts) hands it to
// the view model above: what its live timeline holds, read on demand — the
// room keeps changing while the view model waits for the crypto, so each read
// is of the timeline as it is then. The view model judges the messages, folds
// the envelopes and shows the items without touching the SDK.
import type { AlertAckEnvelope, AlertStepEnvelope } from '#policies/alerts/index.ts';
import type { CaseEventEnvelope } from '#policies/cases/index.ts';
import type { PreservationEnvelope } from '#policies/preservation/record/index.ts';
import type { Arrival } from '#policies/trust/index.ts';
import { readArrival } from './arrival.ts';
import {
	caseEnvelopes,
	echoed,
	joinedMembers,
	judgedEvents,
	ownCaseEventTypes,
	timelineItems,
	type TimelineItem,
	type VerdictOf,
} from './cases.ts';
import { alertAckEnvelopes, alertStepEnvelopes } from './alert-step-envelopes.ts';
import { memberNames } from './member-names.ts';
import { preservationEnvelopes } from './preservation-envelopes.ts';
import type { MatrixClient, Room } from './sdk.ts';

/** Whether a message counts under the trust rule (lib/cases/event-trust.ts keeps the verdicts). */
export type Counts = (eventId: string) => boolean;

export interface CaseTimeline {
	readonly roomId: string;
	/** The messages whose trust must be judged before the room is folded (cases.ts, judgedEvents). */
	judged(): { id: string; sender: string }[];
	/** How a message reached this browser, for the trust rule; undefined when the timeline no longer has it. */
	arrival(eventId: string): Promise<Arrival | undefined>;
	/** The case events that count, as the case fold takes them. */
	caseEnvelopes(counts: Counts): CaseEventEnvelope[];
	/** The preservation events that count, as the preservation fold takes them. */
	preservationEnvelopes(counts: Counts): PreservationEnvelope[];
	/** The bridges' alert steps, each with whether it counts (policies/alerts alertStepsOf takes the own bridge's). */
	alertStepEnvelopes(counts: Counts): AlertStepEnvelope[];
	/** People's acknowledgements of alerts, each with whether it counts (policies/alerts alertAcksOf takes the own server's). */
	alertAckEnvelopes(counts: Counts): AlertAckEnvelope[];
	/** The discussion: case updates, text, files, what could not be decrypted. */
	items(verdictOf: VerdictOf): TimelineItem[];
	/** The members' display names, by user ID (only those who set one). */
	names(): ReadonlyMap<string, string>;
	/** The joined members' user IDs. */
	members(): readonly string[];
	/** Whether the server sent back the event of a queued message (the outbox's `settle`). */
	echoed(eventId: string, txnId: string): boolean;
	/** The types of the case events `self` sent that the server echoed, counted yet or not (cases.ts ownCaseEventTypes). */
	ownCaseTypes(self: string): ReadonlySet<string>;
}

export function caseTimelineOf(client: MatrixClient, room: Room): CaseTimeline {
	return {
		roomId: room.roomId,
		judged: () => judgedEvents(room),
		arrival: (eventId) => {
			const event = room.findEventById(eventId);
			return event === undefined ? Promise.resolve(undefined) : readArrival(client, event);
		},
		caseEnvelopes: (counts) => caseEnvelopes(room, counts),
		preservationEnvelopes: (counts) => preservationEnvelopes(room, counts),
		alertStepEnvelopes: (counts) => alertStepEnvelopes(room, counts),
		alertAckEnvelopes: (counts) => alertAckEnvelopes(room, counts),
		items: (verdictOf) => timelineItems(room, verdictOf),
		names: () => memberNames(room),
		members: () => joinedMembers(room),
		echoed: (eventId, txnId) => echoed(room, eventId, txnId),
		ownCaseTypes: (self) => ownCaseEventTypes(room, self),
	};
}
