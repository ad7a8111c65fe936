// Where the bot hands each sync batch: the decrypted events, the invitation
// decisions and the checkpoint (sync token + crypto/sync store snapshot), all
// committed together or not at all (ARCHITECTURE.md, decision 7). The
// register (bridge/register) is the real sink and defines the shapes; the bot
// always says which events it gave up decrypting. Unit tests use MemorySink,
// which keeps every delivered event, duplicates included, so a duplicate
// shows.
import type { Result } from '../../policies/result.ts';
import type { Checkpoint, IngestBatch, IngestedEvent, InvitationRecord, PassedRecord, UndecryptableRecord } from '../register/types.ts';

export type { Checkpoint, InvitationRecord, PassedRecord };

/** One decrypted (or clear) m.room.message timeline event, as the fold reads it, and its room. */
export type BridgedEvent = IngestedEvent;

/** An event the bot gave up decrypting (see DecryptionQueue): reported, never silently dropped. */
export type UndecryptableEvent = UndecryptableRecord;

export interface Batch extends IngestBatch {
	readonly undecryptable: readonly UndecryptableEvent[];
}

export interface BatchSink {
	/** The last committed checkpoint, or undefined on first start. */
	load(): Checkpoint | undefined;
	/** All of the batch, in one transaction; an error leaves the sink as it was. */
	commit(batch: Batch): Result<void, string>;
	/** Whether the event ID is logged, recorded undecryptable or seen as chat already; left out, none is. */
	holds?(eventId: string): boolean;
}
