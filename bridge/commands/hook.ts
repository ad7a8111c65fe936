// What the bot's sync (bridge/matrix/bridge-sync.ts) needs from the chat
// commands: which of the events it is about to commit are commands to answer,
// and, once they are committed, each reply. The sync keeps the picked
// commands in its checkpoint until their replies are sent (see bridge-sync.ts
// for the delivery guarantee); case-commands.ts is the implementation.
import type { Result } from '../../policies/result.ts';
import type { IdentityApproval } from '../register/types.ts';
import type { Request } from './parse.ts';

/** A message event as the bridge hands it on (bridge/matrix's BridgedEvent). */
export interface MessageEvent {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
}

/** A command to answer; plain data, kept in the bot's checkpoint (JSON) until its reply is sent. */
export interface PendingCommand {
	readonly room: string;
	readonly eventId: string;
	readonly sender: string;
	readonly at: number;
	readonly request: Request;
}

/** The reply: an m.notice with a body only — never a case payload, never a mention. */
export interface ReplyContent {
	readonly msgtype: 'm.notice';
	readonly body: string;
	readonly 'm.mentions': Readonly<Record<string, never>>;
}

export interface CommandHook {
	/** The command in `event` that this bot should answer, or undefined. Pure. */
	pick(event: MessageEvent, self: string, now: number): PendingCommand | undefined;
	/** The reply, from the register as it is now; an error when it cannot be read (tried again later). */
	reply(command: PendingCommand): Result<ReplyContent, string>;
	/** The identity approval a picked command makes, committed with it (`!rogatory trust` by one who may). Pure. */
	approval?(command: PendingCommand): IdentityApproval | undefined;
}
