// Where the bot hands each sync batch: the decrypted events, the invitation
// decisions and the checkpoint (sync token + crypto/sync store snapshot), all
// committed together or not at all (ARCHITECTURE.md, decision 7). The
// register (bridge/register) is the real sink; the shapes here match its
// ingest batch so it can be passed in as is. Unit tests use MemorySink,
// which keeps every delivered event, duplicates included, so a duplicate
// shows.
import type { Result } from '../../policies/result.ts';

export interface Checkpoint {
	readonly syncToken: string;
	/** The bot's snapshot (idb-snapshot.ts + pending queue), opaque to the sink. */
	readonly store: Uint8Array;
}

/** One decrypted (or clear) m.room.message timeline event, as the fold reads it, and its room. */
export interface BridgedEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
}

/** An event the bot gave up decrypting (see DecryptionQueue): reported, never silently dropped. */
export interface UndecryptableEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly reason: string;
}

export interface InvitationRecord {
	readonly room: string;
	readonly inviter: string;
	readonly decision: 'accepted' | 'refused';
	readonly reason: string;
	/** origin_server_ts of the invite event. */
	readonly at: number;
}

export interface Batch {
	readonly events: readonly BridgedEvent[];
	readonly invitations: readonly InvitationRecord[];
	readonly undecryptable: readonly UndecryptableEvent[];
	readonly checkpoint: Checkpoint;
}

export interface BatchSink {
	/** The last committed checkpoint, or undefined on first start. */
	load(): Checkpoint | undefined;
	/** All of the batch, in one transaction; an error leaves the sink as it was. */
	commit(batch: Batch): Result<void, string>;
}
