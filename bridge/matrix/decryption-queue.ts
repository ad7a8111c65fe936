// The events the bot has received but not yet handed to the sink, in stream
// order. An encrypted event whose room key has not arrived (keys travel by
// to-device, often in a later sync than the event) holds its room: the
// room's events after it wait too, so the sink gets each room's events in
// order and never one before an earlier one of its room. Other rooms flow
// on: a case is one room, and a key late in one (up to the give-up delay, 10
// minutes by default) must not hold back an urgent request opened in another
// — nor must the history of rooms from before a new device existed, which no
// key will ever open. The queue is part of every checkpoint, so the sync
// can go on (and fetch the missing keys) while events wait, and a crash loses
// none of them. An event that still fails after `giveUpAfterMs` is handed on
// as undecryptable, with the reason, and counted: never dropped in silence.
// A failure no later key can cure — the sender's device is not cross-signed,
// the sender's identity changed, the key was withheld — is given up after a
// short grace instead (WITHHELD_GRACE_MS), so one such message cannot hold the
// register back for long. Every settled event carries the verdict of
// policies/trust on how it arrived (encrypted or not, in an encrypted room or
// not, what the crypto vouches for): the register logs it, and only events
// that count are folded, reminded of or answered.
import { judgeArrival, type Arrival } from '../../policies/trust/index.ts';
import type { BridgedEvent, PassedRecord, UndecryptableEvent } from './sink.ts';
import type { RawEvent } from './sync-batch.ts';

export interface QueuedEvent {
	readonly raw: RawEvent;
	/** When the bot first received it (ms since the epoch), for giving up. */
	readonly firstSeen: number;
}

export type Decrypted =
	| {
			readonly ok: true;
			readonly type: string;
			readonly content: unknown;
			/** How it arrived: what the trust verdict is made of. */
			readonly arrival: Arrival;
			readonly senderIdentity?: string;
	  }
	| { readonly ok: false; readonly reason: string };

/** Reads one event, encrypted (decrypting it) or not, with how it arrived; a failure is a DecryptionFailureCode (or the bot's own). */
export type Decrypt = (raw: RawEvent) => Promise<Decrypted>;

/**
 * matrix-js-sdk's DecryptionFailureCode values that waiting does not cure.
 * NOTE: the grace covers a sender whose cross-signing the bot has not fetched
 * yet, which the crypto reports the same way until its next key query.
 */
export const WITHHELD_REASONS: ReadonlySet<string> = new Set([
	'UNSIGNED_SENDER_DEVICE',
	'SENDER_IDENTITY_PREVIOUSLY_VERIFIED',
	'MEGOLM_KEY_WITHHELD',
	'MEGOLM_KEY_WITHHELD_FOR_UNVERIFIED_DEVICE',
]);
export const WITHHELD_GRACE_MS = 30_000;

export interface Resolution {
	readonly events: BridgedEvent[];
	readonly undecryptable: UndecryptableEvent[];
	/** Settled with nothing to hand on (redacted, or not an m.room.message): the register records them as seen only. */
	readonly passed: PassedRecord[];
	/** What stays queued, in order: in each room, from its first event still waiting for its key. */
	readonly remaining: readonly QueuedEvent[];
	/** The first event the queue waits on, and why (the crypto's DecryptionFailureCode, or the bot's own). */
	readonly waiting?: { readonly eventId: string; readonly reason: string };
	/** How many rooms wait on an event (their later events with it). */
	readonly waitingRooms?: number;
}

const isRedacted = (raw: RawEvent): boolean => {
	const unsigned = raw['unsigned'];
	return typeof unsigned === 'object' && unsigned !== null && 'redacted_because' in unsigned;
};

function envelope(raw: RawEvent) {
	const sender = raw['sender'];
	const ts = raw['origin_server_ts'];
	return {
		room: raw.room_id,
		eventId: raw.event_id,
		sender: typeof sender === 'string' ? sender : '',
		originServerTs: typeof ts === 'number' ? ts : 0,
	};
}

const REDACTED: Decrypted = { ok: true, type: 'redacted', content: {}, arrival: { encrypted: false, roomEncrypted: false } };

/** Decrypts the queue and splits off, in each room, the longest prefix that is settled (decrypted, clear, redacted or given up). */
export async function resolveQueue(
	queue: readonly QueuedEvent[],
	decrypt: Decrypt,
	now: number,
	giveUpAfterMs: number,
): Promise<Resolution> {
	const results = await Promise.all(
		queue.map((q): Promise<Decrypted> => {
			// NOTE: a redaction leaves nothing to read or to judge; it is skipped below.
			if (isRedacted(q.raw)) return Promise.resolve(REDACTED);
			return decrypt(q.raw);
		}),
	);
	const events: BridgedEvent[] = [];
	const undecryptable: UndecryptableEvent[] = [];
	const passed: PassedRecord[] = [];
	const remaining: QueuedEvent[] = [];
	/** The rooms an event waits in: their later events wait behind it. */
	const held = new Set<string>();
	let waiting: Resolution['waiting'];
	for (const [i, q] of queue.entries()) {
		const result = results[i];
		if (result === undefined || held.has(q.raw.room_id)) {
			remaining.push(q);
			continue;
		}
		if (result.ok) {
			// A redaction leaves nothing to bridge; an encrypted event of another type (a reaction, a call) is not a case event.
			if (result.type === 'm.room.message')
				events.push({
					...envelope(q.raw),
					content: result.content,
					trust: judgeArrival(result.arrival),
					...(result.senderIdentity === undefined ? {} : { senderIdentity: result.senderIdentity }),
				});
			else {
				const { room, eventId, originServerTs } = envelope(q.raw);
				passed.push({ room, eventId, originServerTs });
			}
			continue;
		}
		const patience = WITHHELD_REASONS.has(result.reason) ? Math.min(giveUpAfterMs, WITHHELD_GRACE_MS) : giveUpAfterMs;
		if (now - q.firstSeen < patience) {
			held.add(q.raw.room_id);
			remaining.push(q);
			waiting ??= { eventId: q.raw.event_id, reason: result.reason };
			continue;
		}
		undecryptable.push({ ...envelope(q.raw), reason: result.reason });
	}
	if (waiting === undefined) return { events, undecryptable, passed, remaining };
	return { events, undecryptable, passed, remaining, waiting, waitingRooms: held.size };
}
