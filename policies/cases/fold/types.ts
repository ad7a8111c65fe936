// What the fold reads and what it produces: a room's events, as the client or
// the bridge received them, become one case record that both sides compute
// identically (ARCHITECTURE.md, decision 4).
import type { AuthorityId, Roster } from '../../roster/types.ts';
import type { CaseReference, TransitionId } from '../ids/case.ts';
import type { StatusId, WorkflowId } from '../ids/codes.ts';
import type { EventId, RoomId, UserId } from '../ids/matrix.ts';
import type { RejectionCode } from '../events/rejection.ts';
import type { CaseFields } from '../events/types.ts';
import type { LinkEnd, LinkRelation, RequestKind, Side } from '../vocabulary/request.ts';
import type { WorkflowRegistry } from '../workflows/registry.ts';

/** One decrypted timeline event of the case room. */
export interface CaseEventEnvelope {
	readonly eventId: EventId;
	readonly sender: UserId;
	/** Milliseconds since the epoch, as the sender's homeserver stamped it. */
	readonly originServerTs: number;
	/** The decrypted content, untrusted. */
	readonly content: unknown;
}

export interface FoldContext {
	readonly room: RoomId;
	readonly roster: Roster;
	/**
	 * The authority each homeserver serves, by server name exactly as it appears
	 * in user IDs (port included). serversFromRoster builds it from the roster;
	 * the local federation, whose server names are IP literals, passes its own.
	 */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The workflows this client knows; the defaults when left out. */
	readonly workflows?: WorkflowRegistry;
}

/** Who did something, on which side, when, in which event. */
export interface Stamp {
	readonly eventId: EventId;
	readonly by: UserId;
	readonly side: Side;
	/** originServerTs of the event. */
	readonly at: number;
}

export interface StatusChange extends Stamp {
	readonly id: TransitionId;
	readonly follows: TransitionId;
	readonly from: StatusId;
	readonly to: StatusId;
	readonly reason?: string;
}

export interface Amendment extends Stamp {
	readonly changes: Partial<CaseFields>;
	/** The values the changed fields had before (absent when a field was unset). */
	readonly previous: Partial<CaseFields>;
	readonly reason: string;
}

export interface CaseLink extends Stamp {
	readonly relation: LinkRelation;
	readonly end?: LinkEnd;
	readonly target: RoomId;
}

export interface ConflictBranch {
	readonly transition: StatusChange;
	/**
	 * While the conflict is unsettled: the later transitions waiting on this
	 * branch (following it directly or not), breadth first. Empty once settled,
	 * when each of them is in the status history or refused.
	 */
	readonly followers: readonly TransitionId[];
}

export interface Settlement extends Stamp {
	readonly chosen: TransitionId;
	readonly reason: string;
}

/** Two or more valid transitions followed the same predecessor. */
export interface Conflict {
	/** The common predecessor; while unsettled, the case stays at its status. */
	readonly at: TransitionId;
	readonly status: StatusId;
	readonly branches: readonly ConflictBranch[];
	readonly settlement?: Settlement;
}

export interface RejectedEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly at: number;
	readonly code: RejectionCode;
	readonly reason: string;
}

export interface UnopenedCase {
	readonly room: RoomId;
	readonly opened: false;
	readonly rejected: readonly RejectedEvent[];
}

export interface OpenedCase {
	readonly room: RoomId;
	readonly opened: true;
	readonly openedBy: Stamp;
	readonly kind: RequestKind;
	readonly workflow: WorkflowId;
	readonly parties: { readonly requesting: AuthorityId; readonly requested: AuthorityId };
	readonly references: { readonly requesting?: CaseReference; readonly requested?: CaseReference };
	/** Current values, amendments applied. */
	readonly fields: CaseFields;
	readonly amendments: readonly Amendment[];
	readonly status: StatusId;
	/** What the next transition must name in `follows`. */
	readonly head: TransitionId;
	readonly statusHistory: readonly StatusChange[];
	readonly notes: number;
	/**
	 * The requested side's people who said they have the request in hand
	 * (`acknowledged` events), first first; empty while nobody has. One per
	 * person: their first.
	 */
	readonly acknowledgements: readonly Stamp[];
	readonly links: readonly CaseLink[];
	readonly conflicts: readonly Conflict[];
	/** The conflict holding the case at its status, if one is unsettled (always the last of `conflicts`). */
	readonly openConflict?: Conflict;
	readonly rejected: readonly RejectedEvent[];
}

export type CaseRecord = UnopenedCase | OpenedCase;
