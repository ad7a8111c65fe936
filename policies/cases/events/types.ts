// The structured payloads of case events: what sits under `org.rogatory.case`
// in an `m.room.message` event's content (see docs/case-events.md). These
// are the parsed, trusted shapes; events/parse.ts turns raw content into them.
import type { AuthorityId } from '../../roster/types.ts';
import type { CaseReference, TransitionId } from '../ids/case.ts';
import type { OffenceCode, StatusId, WorkflowId } from '../ids/codes.ts';
import type { RoomId } from '../ids/matrix.ts';
import type { Channel, LegalBasisType, LinkEnd, LinkRelation, RequestKind, Urgency } from '../vocabulary/request.ts';

export interface LegalBasis {
	readonly type: LegalBasisType;
	/** The instrument and article, e.g. "Treaty between Guatemala and Nigeria, art. 4". */
	readonly citation?: string;
}

export interface OffenceEntry {
	readonly code: OffenceCode;
	/** The requesting side's assertion that the offence is a "serious crime" (UNTOC art. 2(b)). */
	readonly serious: boolean;
}

/** The amendable fields of a request. */
export interface CaseFields {
	readonly title: string;
	readonly requestingReference?: CaseReference;
	readonly requestedReference?: CaseReference;
	readonly legalBasis: LegalBasis;
	readonly offences: readonly OffenceEntry[];
	readonly urgency: Urgency;
	readonly channel: Channel;
	/** The calendar date (YYYY-MM-DD) by which the requesting side asks for an answer; past it, the case is overdue. */
	readonly respondBy?: string;
}

export type FieldName = keyof CaseFields;
export const FIELD_NAMES: readonly FieldName[] = [
	'title',
	'requestingReference',
	'requestedReference',
	'legalBasis',
	'offences',
	'urgency',
	'channel',
	'respondBy',
];

export interface Opened {
	readonly type: 'opened';
	readonly kind: RequestKind;
	/** The workflow both sides fold with; definitions are immutable once shipped (see workflows/registry.ts). */
	readonly workflow: WorkflowId;
	readonly requesting: AuthorityId;
	readonly requested: AuthorityId;
	readonly fields: CaseFields;
}

export interface Amended {
	readonly type: 'amended';
	/** Only the fields that change, with their new values; at least one. */
	readonly changes: Partial<CaseFields>;
	readonly reason: string;
}

export interface Transition {
	readonly type: 'transition';
	/** The opening event or the transition this one moves on from. */
	readonly follows: TransitionId;
	readonly from: StatusId;
	readonly to: StatusId;
	readonly reason?: string;
}

/** Settles a conflict: two or more transitions followed the same predecessor. */
export interface Settled {
	readonly type: 'settled';
	/** The common predecessor of the conflicting transitions. */
	readonly conflictAt: TransitionId;
	/** The transition that stands; the others are discarded. */
	readonly chosen: TransitionId;
	/** The chosen transition's target status, repeated so that the body can name it. */
	readonly to: StatusId;
	readonly reason: string;
}

export interface Note {
	readonly type: 'note';
	readonly text: string;
}

export type Link =
	| {
			readonly type: 'link';
			readonly relation: Exclude<LinkRelation, 'related'>;
			/** Which end of the relation this room is: a preservation is the earlier end of "preservation-mla". */
			readonly end: LinkEnd;
			readonly target: RoomId;
			readonly removed?: true;
	  }
	| { readonly type: 'link'; readonly relation: 'related'; readonly target: RoomId; readonly removed?: true };

/**
 * A person of the requested authority has the request in hand (issue 16): it
 * was opened, or they pressed "I have it". It ends the escalation of an
 * urgent request for everyone, and tells the requesting side that a person,
 * not only a device or a bridge, received it (a read receipt is per device,
 * and servers read it).
 */
export interface Acknowledged {
	readonly type: 'acknowledged';
}

export type CaseEvent = Opened | Amended | Transition | Settled | Note | Link | Acknowledged;

/** The `m.room.message` content a case event travels in. */
export interface CaseContent {
	readonly msgtype: 'm.text' | 'm.notice';
	readonly body: string;
	/** Empty: the body never pings anyone by name, whatever it says (spec: "User and room mentions"). */
	readonly 'm.mentions': Readonly<Record<string, never>>;
	readonly 'org.rogatory.case': CaseEvent & { readonly v: 1 };
}
