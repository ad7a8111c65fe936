// The notification centre's logic (issue 16), without any UI: what waits for
// the person, from the folded records in their browser — a request another
// authority opened with theirs, a move of the other side that leaves the
// next one to theirs, a preservation lapsing within 48 hours, a message of a
// case's discussion that mentions them (by Matrix ID in m.mentions, or by
// their display name in its text, quoted lines left out) — and which of
// those are unread (newer than the person's last look at the case) and on
// (the categories they keep). Nothing here leaves the browser. Pure: `now`
// and the memory come in as data.
import { availableMoves, type OpenedCase, type WorkflowRegistry } from '#policies/cases/index.ts';
import { LAPSING_WITHIN_MS } from '#policies/alerts/index.ts';
import type { PreservationRecord } from '#policies/preservation/record/types.ts';
import type { AuthorityId } from '#policies/roster/types.ts';

export const NOTICE_CATEGORIES = ['new-request', 'awaits-us', 'reminder', 'mentions'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export interface Notice {
	/** Stable: the same notice has the same ID on every evaluation (and names no content). */
	readonly id: string;
	readonly category: NoticeCategory;
	readonly room: string;
	/** When it arose, milliseconds since 1970. */
	readonly at: number;
	/** An urgent or immediate request. */
	readonly urgent: boolean;
	/** The authority on the other side. */
	readonly counterpart: AuthorityId;
}

/** A message of a case's discussion, as the mentions are judged from it. */
export interface DiscussionMessage {
	readonly id: string;
	readonly sender: string;
	readonly at: number;
	readonly body: string;
	/** The Matrix IDs its m.mentions names (decrypted content); left out when it names none. */
	readonly mentions?: readonly string[];
	/** Whether it counts by the trust rule (a message that does not is never a notice). */
	readonly counts: boolean;
}

/** The person the notices are for, as mentions name them. */
export interface NoticePerson {
	readonly userId: string;
	/** Their display name in the room, if they set one. */
	readonly displayName: (room: string) => string | undefined;
}

export interface NoticeInput {
	readonly records: readonly OpenedCase[];
	readonly self: AuthorityId;
	readonly workflows: WorkflowRegistry;
	/** The preservations of each case room. */
	readonly preservations: (room: string) => readonly PreservationRecord[];
	readonly now: number;
	/** The person, and each case room's discussion messages: left out, no mention is looked for. */
	readonly person?: NoticePerson;
	readonly discussion?: (room: string) => readonly DiscussionMessage[];
}

/** Display names shorter than this are not looked for in a text: "Al" would be found everywhere. */
const SHORTEST_NAME = 3;

const escaped = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the message mentions the person: by Matrix ID in m.mentions or in its text, or by display name in its text. */
export function mentions(message: DiscussionMessage, userId: string, displayName: string | undefined): boolean {
	if (message.sender === userId || !message.counts) return false;
	if (message.mentions?.includes(userId) === true) return true;
	// NOTE: a reply's quoted fallback ("> <@x> …") mentions whoever was quoted, not the reader.
	const text = message.body
		.split('\n')
		.filter((line) => !line.startsWith('>'))
		.join('\n');
	if (text.includes(userId)) return true;
	const name = displayName?.trim() ?? '';
	if (name.length < SHORTEST_NAME) return false;
	return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped(name)}($|[^\\p{L}\\p{N}_])`, 'iu').test(text);
}

const counterpartOf = (record: OpenedCase, self: AuthorityId): AuthorityId =>
	record.parties.requesting === self ? record.parties.requested : record.parties.requesting;

/** Every notice for the person's authority, newest first. */
export function noticesOf(input: NoticeInput): Notice[] {
	const notices: Notice[] = [];
	for (const record of input.records) {
		const side =
			record.parties.requested === input.self ? 'requested' : record.parties.requesting === input.self ? 'requesting' : undefined;
		if (side === undefined) continue;
		const base = { room: record.room, urgent: record.fields.urgency !== 'routine', counterpart: counterpartOf(record, input.self) };
		if (side === 'requested') notices.push({ ...base, id: `new:${record.room}`, category: 'new-request', at: record.openedBy.at });
		const last = record.statusHistory.at(-1);
		const workflow = input.workflows.get(record.workflow);
		if (last !== undefined && last.side !== side && workflow !== undefined && availableMoves(record, workflow, side).length > 0)
			notices.push({ ...base, id: `move:${record.room}:${last.id}`, category: 'awaits-us', at: last.at });
		for (const preservation of input.preservations(record.room)) {
			const deadline = preservation.deadline;
			if (deadline === undefined || preservation.status === 'released' || preservation.status === 'follow-up-sent') continue;
			const raised = deadline.expiresAt - LAPSING_WITHIN_MS;
			if (raised <= input.now && input.now < deadline.expiresAt)
				notices.push({ ...base, id: `lapse:${record.room}:${preservation.id}`, category: 'reminder', at: raised, urgent: true });
		}
		const person = input.person;
		if (person === undefined || input.discussion === undefined) continue;
		const name = person.displayName(record.room);
		for (const message of input.discussion(record.room))
			if (mentions(message, person.userId, name))
				notices.push({ ...base, id: `mention:${record.room}:${message.id}`, category: 'mentions', at: message.at, urgent: false });
	}
	return notices.sort((a, b) => b.at - a.at || a.id.localeCompare(b.id));
}

/** What the person keeps of the centre in this browser. */
export interface NoticeMemory {
	/** Room → when the person last looked at the case. */
	readonly seen: Readonly<Record<string, number>>;
	readonly off: readonly NoticeCategory[];
	/** On this device, a browser notification also shows the request's title (the person chose it here; off unless so). */
	readonly details?: boolean;
}

/** The notices of a category that is on, newer than the person's last look at their case. */
export function unreadNotices(notices: readonly Notice[], memory: NoticeMemory): Notice[] {
	return notices.filter((n) => !memory.off.includes(n.category) && n.at > (memory.seen[n.room] ?? -Infinity));
}

/** The unread notices that were not unread before: those a browser notification may announce. */
export function freshNotices(before: ReadonlySet<string> | undefined, unread: readonly Notice[]): Notice[] {
	return before === undefined ? [] : unread.filter((n) => !before.has(n.id));
}
