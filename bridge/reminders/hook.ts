// What the bot's client (bridge/matrix/bot-client.ts) offers the reminders
// and needs from them: the events of each batch (acknowledgements) before its
// commit, the rooms committed after it (their preservations may have
// changed), and, once the bot runs, a way to send an encrypted notice with a
// given transaction ID. scheduler-hook.ts is the implementation.
import type { Result } from '../../policies/result.ts';

/** A message event as the bot hands it to its sink (bridge/matrix's BridgedEvent). */
export interface SeenEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	/** The decrypted content (preservation events are kept from it). */
	readonly content: unknown;
}

/** A reminder: an m.notice mentioning people — never a case payload. */
export interface ReminderNotice {
	readonly msgtype: 'm.notice';
	readonly body: string;
	readonly 'm.mentions': { readonly user_ids: readonly string[] };
}

export interface SendFailure {
	/** true: the room refuses the bot (403/404), do not try again. */
	readonly final: boolean;
	readonly message: string;
}

/** Sends `notice` encrypted into `room` with `txnId`; the event ID it got. */
export type NoticeSender = (room: string, notice: ReminderNotice, txnId: string) => Promise<Result<string, SendFailure>>;

export interface ReminderHook {
	/** A batch's events, before it is committed: a replayed batch sees them again, so this must be idempotent. */
	observe(events: readonly SeenEvent[]): void;
	/** The rooms of a batch just committed. */
	committed(rooms: readonly string[]): void;
	/** The bot runs (its device is cross-signed): the schedule starts. */
	start(send: NoticeSender): void;
	stop(): void;
}
