// The chat commands as pure executors (STYLE.md, 6): each takes the narrow
// context it needs and returns data — never text, never a Matrix call. The
// wiring (case-commands.ts) builds the context from the register; the
// renderer (render.ts) writes the reply in the room's language.
import { daysLeft, lastChangeOf, type CaseRecord, type CaseReference, type StatusId } from '../../policies/cases/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { RequestKind } from '../../policies/cases/index.ts';
import type { Deadline, DeadlineKind } from './deadlines.ts';
import { COMMAND_NAMES, type CommandName, type Request } from './parse.ts';

export type StatusReply =
	| { readonly command: 'status'; readonly opened: false; readonly rejected: number }
	| {
			readonly command: 'status';
			readonly opened: true;
			readonly kind: RequestKind;
			readonly title: string;
			readonly parties: { readonly requesting: AuthorityId; readonly requested: AuthorityId };
			readonly references: { readonly requesting?: CaseReference; readonly requested?: CaseReference };
			readonly status: StatusId;
			/** When the request last changed (policies/cases, lastChangeOf). */
			readonly lastChange: number;
			readonly openConflict?: { readonly status: StatusId; readonly targets: readonly StatusId[] };
			readonly rejected: number;
	  };

export interface DatedDeadline {
	readonly kind: DeadlineKind;
	readonly date: string;
	/** Whole days from today to the date; negative when overdue. */
	readonly daysLeft: number;
}

export interface DeadlinesReply {
	readonly command: 'deadlines';
	/** Nearest first (most overdue first). */
	readonly deadlines: readonly DatedDeadline[];
}

/** Which roster the bot runs: its version and the SHA-256 of the file (policies/roster/file/deployment.ts). */
export interface RosterEdition {
	readonly version: number;
	readonly sha256: string;
}

export interface HelpReply {
	readonly command: 'help';
	readonly commands: readonly CommandName[];
	/** So members can tell whether two authorities' bots run the same roster. */
	readonly roster: RosterEdition;
	/** The word the user typed when it was no command. */
	readonly unknown?: string;
}

export type TrustReply =
	| { readonly command: 'trust'; readonly outcome: 'no-user' | 'not-allowed' }
	/** The command approved the user's new identity, first seen at `since` (origin_server_ts). */
	| { readonly command: 'trust'; readonly outcome: 'approved'; readonly user: string; readonly since: number }
	/** The register holds no changed identity of the user waiting for approval. */
	| { readonly command: 'trust'; readonly outcome: 'nothing'; readonly user: string };

export type Reply = StatusReply | DeadlinesReply | HelpReply | TrustReply;

export interface StatusContext {
	readonly record: CaseRecord;
}

export function statusCommand({ record }: StatusContext): StatusReply {
	if (!record.opened) return { command: 'status', opened: false, rejected: record.rejected.length };
	const conflict = record.openConflict;
	return {
		command: 'status',
		opened: true,
		kind: record.kind,
		title: record.fields.title,
		parties: record.parties,
		references: record.references,
		status: record.status,
		lastChange: lastChangeOf(record),
		...(conflict === undefined
			? {}
			: { openConflict: { status: conflict.status, targets: conflict.branches.map((b) => b.transition.to) } }),
		rejected: record.rejected.length,
	};
}

export interface DeadlinesContext {
	/** Every deadline the room's sources give (deadlines.ts). */
	readonly deadlines: readonly Deadline[];
	/** Today in the authority's legal time zone, YYYY-MM-DD. */
	readonly today: string;
}

export function deadlinesCommand({ deadlines, today }: DeadlinesContext): DeadlinesReply {
	const dated = deadlines
		.map((d) => ({ kind: d.kind, date: d.date, daysLeft: daysLeft(today, d.date) }))
		.filter((d) => Number.isFinite(d.daysLeft))
		.sort((a, b) => a.daysLeft - b.daysLeft || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
	return { command: 'deadlines', deadlines: dated };
}

export interface HelpContext {
	readonly roster: RosterEdition;
}

export function helpCommand({ roster }: HelpContext, unknown?: string): HelpReply {
	return {
		command: 'help',
		commands: COMMAND_NAMES,
		roster: { version: roster.version, sha256: roster.sha256 },
		...(unknown === undefined ? {} : { unknown }),
	};
}

export interface TrustContext {
	/** Whether the sender may approve identities (a central-authority officer or administrator of the bot's authority). */
	readonly mayApprove: boolean;
	/** The changed identities of the named user the register holds, with the command event that approved each, if any. */
	readonly changes: readonly { readonly firstSeenAt: number; readonly approvalEventId: string | null }[];
	/** The command's own event ID. */
	readonly eventId: string;
}

export function trustCommand(user: string | undefined, { mayApprove, changes, eventId }: TrustContext): TrustReply {
	if (!mayApprove) return { command: 'trust', outcome: 'not-allowed' };
	if (user === undefined) return { command: 'trust', outcome: 'no-user' };
	const approved = changes.find((c) => c.approvalEventId === eventId);
	return approved === undefined
		? { command: 'trust', outcome: 'nothing', user }
		: { command: 'trust', outcome: 'approved', user, since: approved.firstSeenAt };
}

/** Everything an executor may read; each takes only its part. */
export type CommandContext = StatusContext & DeadlinesContext & TrustContext & HelpContext;

export function execute(request: Request, context: CommandContext): Reply {
	switch (request.name) {
		case 'status':
			return statusCommand(context);
		case 'deadlines':
			return deadlinesCommand(context);
		case 'help':
			return helpCommand(context);
		case 'trust':
			return trustCommand(request.user, context);
		case 'unknown':
			return helpCommand(context, request.word);
	}
}
