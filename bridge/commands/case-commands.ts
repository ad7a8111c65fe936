// The chat commands' wiring: recognises the commands this bot answers, builds
// each executor's context from the register (the room's folded record), the
// roster and the clock, runs the executor and renders the reply in the room's
// language. The only impure part is the clock and the register read, both
// passed in.
//
// Which commands this bot answers: those of users of its own authority. Both
// parties' bridges sit in a case room; each answers its own people, so a
// command gets one reply, not two. Commands older than `maxAgeMs` when the
// bot first sees them (history delivered when it joins, a long outage) are
// left unanswered: a stale status would mislead.
import { calendarDate, DEFAULT_BOOK, DEFAULT_REGISTRY, parseUserId, serverNameOf, withWorkflow } from '../../policies/cases/index.ts';
import type { CaseRecord, WorkflowRegistry } from '../../policies/cases/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { holdsRole } from '../../policies/roster/people.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import { IDENTITY_APPROVERS } from '../../policies/trust/index.ts';
import { DEADLINE_SOURCES, deadlinesOf, type DeadlineSource } from './deadlines.ts';
import { execute, type RosterEdition, type TrustContext } from './executors.ts';
import type { CommandHook, PendingCommand, ReplyContent } from './hook.ts';
import { roomLanguage } from './language.ts';
import { commandIn } from './parse.ts';
import { renderReply } from './render.ts';

export interface CaseCommandsOptions {
	/** The room's case record as the register has it now (Register.record). */
	readonly read: (room: string) => Result<CaseRecord, { readonly message: string }>;
	/** A user's changed identities the register holds (Register.identityChanges); left out, `trust` finds none. */
	readonly identities?: (user: string) => Result<TrustContext['changes'], { readonly message: string }>;
	readonly roster: Roster;
	/** Server name → authority, as the bot's invitation policy reads user IDs. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The bot's own authority. */
	readonly authority: AuthorityId;
	/** Which roster the bot runs, shown by `!rogatory help`. */
	readonly rosterEdition: RosterEdition;
	readonly workflows?: WorkflowRegistry;
	readonly deadlineSources?: readonly DeadlineSource[];
	/** Commands older than this when first seen are not answered; 24 hours when left out. */
	readonly maxAgeMs?: number;
	readonly now?: () => number;
}

const DAY = 86_400_000;

export function caseCommands(options: CaseCommandsOptions): CommandHook {
	const workflows = options.workflows ?? DEFAULT_REGISTRY;
	const sources = options.deadlineSources ?? DEADLINE_SOURCES;
	const timeZone = options.roster.authorities.find((a) => a.id === options.authority)?.timeZone ?? 'UTC';
	const authorityOf = (user: string): AuthorityId | undefined => {
		const parsed = parseUserId(user);
		return parsed.ok ? options.servers.get(serverNameOf(parsed.value)) : undefined;
	};
	const mayApprove = (user: string): boolean => holdsRole(options.roster, options.authority, user, IDENTITY_APPROVERS);
	return {
		approval: (command) =>
			command.request.name === 'trust' && command.request.user !== undefined && mayApprove(command.sender)
				? { user: command.request.user, by: command.sender, at: command.at, eventId: command.eventId }
				: undefined,
		pick: (event, self, now) => {
			const request = commandIn(event.content, event.sender, self);
			if (request === undefined || authorityOf(event.sender) !== options.authority) return undefined;
			if (now - event.originServerTs > (options.maxAgeMs ?? DAY)) return undefined;
			return { room: event.room, eventId: event.eventId, sender: event.sender, at: event.originServerTs, request };
		},
		reply: (command: PendingCommand): Result<ReplyContent, string> => {
			const read = options.read(command.room);
			if (!read.ok) return err(read.error.message);
			const record = read.value;
			const user = command.request.name === 'trust' ? command.request.user : undefined;
			const changes = user === undefined || options.identities === undefined ? ok([]) : options.identities(user);
			if (!changes.ok) return err(changes.error.message);
			const today = calendarDate((options.now ?? Date.now)(), timeZone);
			const deadlines = record.opened ? deadlinesOf(record, sources, { workflows }) : [];
			const reply = execute(command.request, {
				record,
				today,
				deadlines,
				mayApprove: mayApprove(command.sender),
				changes: changes.value,
				eventId: command.eventId,
				roster: options.rosterEdition,
			});
			const workflow = record.opened ? workflows.get(record.workflow) : undefined;
			const body = renderReply(reply, {
				language: roomLanguage(record, options.roster, options.authority),
				timeZone,
				roster: options.roster,
				book: workflow === undefined ? DEFAULT_BOOK : withWorkflow(DEFAULT_BOOK, workflow),
			});
			return ok({ msgtype: 'm.notice', body, 'm.mentions': {} });
		},
	};
}
