// The shapes of a network's plenaries (issue 13, docs/plenaries.md): what the
// secretariat announces, what members answer, and the record the fold makes
// of them. These are the parsed, trusted shapes; events/parse.ts turns raw
// content into the payloads, fold/fold.ts the payloads into records. Pure data.
import type { EventId, UserId } from '../cases/ids/matrix.ts';
import type { AuthorityId, CountryCode, Language } from '../roster/types.ts';
import type { TrustCode, TrustVerdict } from '../trust/verdict.ts';
import type { Decision } from './polls/types.ts';

export const PLENARY_LEVELS = ['ministerial', 'expert'] as const;
export type PlenaryLevel = (typeof PLENARY_LEVELS)[number];

/** Text in each of the plenary's languages, and in no other (the parser checks both). */
export type PlenaryTexts = Readonly<Partial<Record<Language, string>>>;

export interface AgendaItem {
	/** Stable within the plenary: decision polls name it. */
	readonly id: string;
	readonly title: PlenaryTexts;
}

/** A Matrix encrypted attachment (spec: "Sending encrypted attachments", EncryptedFile), as read: unknown keys dropped. */
export interface EncryptedFile {
	/** mxc://server/media-id of the ciphertext. */
	readonly url: string;
	readonly key: {
		readonly kty: 'oct';
		readonly key_ops: readonly string[];
		readonly alg: 'A256CTR';
		/** The AES key, unpadded base64url. */
		readonly k: string;
		readonly ext: true;
	};
	/** The counter block, unpadded base64. */
	readonly iv: string;
	/** SHA-256 of the ciphertext, unpadded base64. */
	readonly hashes: { readonly sha256: string };
	readonly v: 'v2';
}

/** An outcome or working document of a plenary, attached encrypted to the plenary room. */
export interface PlenaryDocument {
	readonly title: string;
	readonly file: EncryptedFile;
	readonly info: { readonly mimetype?: string; readonly size?: number };
}

/** A plenary as the secretariat announces (and later updates, or cancels) it. */
export interface Plenary {
	/** Stable within the network, e.g. "refco-2026-1": every other payload names it. */
	readonly id: string;
	/** The member country hosting it (ISO 3166-1 alpha-2). */
	readonly host: CountryCode;
	/** YYYY-MM-DD, the host's calendar; `end` on or after `start`. */
	readonly start: string;
	readonly end: string;
	readonly level: PlenaryLevel;
	readonly title: PlenaryTexts;
	/** The plenary's working languages, in the order the secretariat gives; titles and minutes are in these. */
	readonly languages: readonly Language[];
	/** In the order they are taken. */
	readonly agenda: readonly AgendaItem[];
	readonly documents: readonly PlenaryDocument[];
	readonly cancelled: boolean;
}

export type PlenaryPayload =
	/** Announces the plenary, or replaces what an earlier one said (the latest counts). Secretariat only. */
	| { readonly type: 'plenary'; readonly plenary: Plenary }
	/** A member says whether they attend; their latest counts. */
	| { readonly type: 'attendance'; readonly plenary: string; readonly attending: boolean; readonly note?: string }
	/** The minutes, in the plenary's languages, citing the decision polls (their start events) they record. Secretariat only. */
	| {
			readonly type: 'minutes';
			readonly plenary: string;
			readonly text: PlenaryTexts;
			readonly decisions: readonly EventId[];
	  };

export type PlenaryEventType = PlenaryPayload['type'];

/** Which event said it: its ID, its sender (from the envelope, never the content) and its origin_server_ts. */
export interface Stamp {
	readonly eventId: EventId;
	readonly sender: UserId;
	readonly at: number;
}

export interface AttendanceRecord extends Stamp {
	readonly authority: AuthorityId;
	readonly attending: boolean;
	readonly note?: string;
}

/** The people of one authority who said they attend. */
export interface Participants {
	readonly authority: AuthorityId;
	readonly people: readonly UserId[];
}

export interface MinutesRecord extends Stamp {
	readonly text: PlenaryTexts;
	/** The decisions the minutes cite that this reader holds, in the minutes' order. */
	readonly decisions: readonly EventId[];
	/** Cited polls this reader does not hold as decisions of this plenary (not decrypted, or not one). */
	readonly unresolved: readonly EventId[];
}

/** A plenary as every reader folds it from the plenary room. */
export interface PlenaryRecord {
	/** The latest announcement or update. */
	readonly plenary: Plenary;
	/** The first announcement. */
	readonly announced: Stamp;
	/** The announcement or update `plenary` comes from. */
	readonly updated: Stamp;
	/** Each member's latest answer, by authority then sender. */
	readonly attendance: readonly AttendanceRecord[];
	/** Those whose latest answer is yes, by authority. */
	readonly participants: readonly Participants[];
	/** The decision polls linked to this plenary's agenda items, in agenda order, then as started. */
	readonly decisions: readonly Decision[];
	/** The latest minutes, when posted. */
	readonly minutes?: MinutesRecord;
}

/**
 * Why the fold did not take an event: a value, so that every reader can say
 * it in its own language. The sender is in the IgnoredPlenaryEvent beside it.
 */
export type PlenaryIgnoredReason =
	/** The trust rule refused it (policies/trust). */
	| { readonly kind: 'untrusted'; readonly code: TrustCode }
	/** Not a plenary event or decision poll this version can read; `detail` says why in English, for logs. */
	| { readonly kind: 'malformed'; readonly detail: string }
	/** Two different events delivered under one event ID: neither is taken. */
	| { readonly kind: 'duplicate-event-id' }
	/** An announcement, update, minutes or decision poll from someone not of the network's secretariat. */
	| { readonly kind: 'not-secretariat'; readonly what: 'plenary' | 'minutes' | 'poll' }
	/** Attendance or a vote from an account whose homeserver serves no authority of the network. */
	| { readonly kind: 'not-member'; readonly what: 'attendance' | 'vote' }
	/** About a plenary never announced (or announced by someone not of the secretariat). */
	| { readonly kind: 'unknown-plenary'; readonly plenary: string }
	/** A decision poll about an agenda item the plenary's latest agenda does not have. */
	| { readonly kind: 'unknown-item'; readonly plenary: string; readonly item: string }
	/** A vote stamped after the poll was ended (MSC3381: "as if they never happened"). */
	| { readonly kind: 'vote-after-end'; readonly poll: EventId }
	/** An end event from neither the poll's creator nor the secretariat (MSC3381: "must be ignored"). */
	| { readonly kind: 'may-not-end'; readonly poll: EventId };

export type PlenaryIgnoredKind = PlenaryIgnoredReason['kind'];

export interface IgnoredPlenaryEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly reason: PlenaryIgnoredReason;
}

/** One decrypted event of the plenary room as the fold (fold/fold.ts) receives it. */
export interface PlenaryArrival {
	readonly eventId: string;
	/** From the envelope: the only sender the fold believes. */
	readonly sender: string;
	/** The decrypted event type: `m.room.message`, or one of the org.matrix.msc3381.poll.* types. */
	readonly type: string;
	readonly originServerTs: number;
	readonly content: unknown;
	/** The trust rule's verdict on the event (policies/trust/verdict.ts). */
	readonly verdict: TrustVerdict;
}

/** What the fold knows of the network besides the room's events. */
export interface PlenaryFoldContext {
	/** The Matrix IDs of the network's secretariat: they alone announce, post minutes and open and end votes. */
	readonly secretariat: ReadonlySet<string>;
	/**
	 * The authority each homeserver of the network serves, by server name as in
	 * user IDs (the cases' serversFromRoster, narrowed to the network's
	 * authorities): attendance and votes count only from their accounts.
	 */
	readonly servers: ReadonlyMap<string, AuthorityId>;
}

/** Every plenary of one network's plenary room, as this reader folds it. */
export interface PlenaryView {
	/** By start date, then id. */
	readonly plenaries: readonly PlenaryRecord[];
	/** By event ID. */
	readonly ignored: readonly IgnoredPlenaryEvent[];
}
