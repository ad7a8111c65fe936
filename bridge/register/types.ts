// What the Matrix side hands the register and what it gets back. The register
// is synchronous (better-sqlite3): every call returns a Result at once.
// NOTE: identifiers are plain strings here, not the branded types of
// policies/cases: they come from the network, untrusted, and the register
// checks them itself (a bad envelope is logged as rejected, a bad room
// refuses the batch).
import type { FoldContext, RoomId } from '../../policies/cases/index.ts';
import type { TrustVerdict } from '../../policies/trust/index.ts';

/** A decrypted timeline event of a case room (a CaseEventEnvelope, unchecked) and its room. */
export interface IngestedEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	/** Milliseconds since the epoch, as the sender's homeserver stamped it. */
	readonly originServerTs: number;
	/** The decrypted content, untrusted. */
	readonly content: unknown;
	/** Whether it may count, from how it arrived (policies/trust): only counted events are folded, reminded of or answered. */
	readonly trust: TrustVerdict;
	/** The sender's cross-signing master key (unpadded base64) as the bot knew it when the event arrived, if any. */
	readonly senderIdentity?: string;
}

/** An event the bot gave up decrypting, with the reason. */
export interface UndecryptableRecord {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly reason: string;
}

/** An invitation the bot accepted or refused (issue 4: "refuses and records any other invitation"). */
export interface InvitationRecord {
	readonly room: string;
	readonly inviter: string;
	readonly decision: 'accepted' | 'refused';
	readonly reason: string;
	/**
	 * origin_server_ts of the invite event. With room and inviter it identifies
	 * the invitation, so a replayed batch records it once.
	 */
	readonly at: number;
}

export interface Checkpoint {
	readonly syncToken: string;
	/** The crypto store's snapshot, opaque to the register. */
	readonly store: Uint8Array;
}

/**
 * An officer's or administrator's approval of a counterpart's changed identity
 * (`!rogatory trust`), recorded with the batch that brought the command: it
 * approves every change of `user` the register holds unapproved.
 */
export interface IdentityApproval {
	readonly user: string;
	readonly by: string;
	/** origin_server_ts of the command. */
	readonly at: number;
	readonly eventId: string;
}

/** An event the bot read but had nothing to hand on for: redacted, or decrypted to another type than m.room.message. */
export interface PassedRecord {
	readonly room: string;
	readonly eventId: string;
	readonly originServerTs: number;
}

/** One room's reconciliation (the bridge paged its history back): recorded with the events it found. */
export interface ReconciledRoom {
	readonly room: string;
	/** When the pass ran (ms since the epoch, the bridge's clock). */
	readonly at: number;
	/** Whether it read the history back to its last complete point or its start (not stopped by its page bound). */
	readonly complete: boolean;
	/** Events it found that the bridge did not have. */
	readonly missing: number;
}

export interface IngestBatch {
	readonly events: readonly IngestedEvent[];
	readonly invitations: readonly InvitationRecord[];
	/** Left out or empty when every event of the batch was decrypted. */
	readonly undecryptable?: readonly UndecryptableRecord[];
	/** Events read and not handed on (left out: none); recorded as seen only. */
	readonly passed?: readonly PassedRecord[];
	/** The rooms a reconciliation pass read (left out: none). */
	readonly reconciled?: readonly ReconciledRoom[];
	/** Identity approvals among the batch's commands (left out: none). */
	readonly approvals?: readonly IdentityApproval[];
	/** People's own alert settings the batch brought (bridge/alerts/preference-intake.ts; left out: none). */
	readonly alertPreferences?: readonly AlertPreferenceRow[];
	/** People's acknowledgements of alerts the batch brought (bridge/alerts/ack-intake.ts; left out: none). */
	readonly alertAcks?: readonly AlertAckRow[];
	readonly checkpoint: Checkpoint;
}

/**
 * A person's own alert setting, taken from one of the batch's events: it replaces the one held for the person only
 * when its version is greater (a replayed older one changes nothing).
 */
export interface AlertPreferenceRow {
	/** The event's sender. */
	readonly userId: string;
	readonly version: number;
	/** Null: the people file's address. */
	readonly email: string | null;
	readonly off: readonly string[];
	readonly eventId: string;
	readonly sentAt: number;
}

/** A person's "I have it" for an alert (policies/alerts/alert-ack.ts), taken from one of the batch's events. */
export interface AlertAckRow {
	readonly alertId: string;
	readonly room: string;
	/** The event's sender. */
	readonly userId: string;
	readonly eventId: string;
	/** The event's origin_server_ts. */
	readonly at: number;
}

/** Everything the fold needs but the room: the roster, the server map and the workflows. */
export type RegisterContext = Omit<FoldContext, 'room'>;

export interface OpenOptions {
	/** Open for reading only (web pages, the CLI): no migration, and ingest fails with SQLITE_READONLY. */
	readonly readonly?: boolean;
	/** How long a write waits for another connection's lock before SQLITE_BUSY; 5 s when left out. */
	readonly busyTimeoutMs?: number;
}

/** A failure the caller must act on; `code` is SQLite's (SQLITE_FULL, SQLITE_READONLY…) or the register's own. */
export interface RegisterError {
	readonly code: string;
	readonly message: string;
}

export interface IngestSummary {
	/** Case events appended to the log (already logged ones are skipped). */
	readonly logged: number;
	/** Events skipped: already in the log, or not case events (chat). */
	readonly skipped: number;
	readonly invitations: number;
	readonly undecryptable: number;
	/** Rooms re-folded. */
	readonly rooms: readonly RoomId[];
}
