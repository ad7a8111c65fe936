// The notification centre's view model (issue 16): the notices of the
// person's authority from the case rooms' records and discussions (notices.ts), which are
// unread, the categories kept on (notice-memory.ts), and the announcement of
// each newly unread one as a browser notification while the app is out of
// sight. One per account and page load, like the case rooms.
import { DEFAULT_REGISTRY } from '#policies/cases/index.ts';
import type { CaseRooms } from '../cases/case-rooms.svelte.ts';
import { preservationsIn } from '../preservation/preservations.svelte.ts';
import { appHidden, showBrowserNotification } from './browser-notify.ts';
import { noticeMemory, type NoticeMemoryStore } from './notice-memory.ts';
import {
	freshNotices,
	noticesOf,
	unreadNotices,
	type DiscussionMessage,
	type Notice,
	type NoticeCategory,
	type NoticeMemory,
} from './notices.ts';

export class NoticeCentre {
	readonly #cases: CaseRooms;
	readonly #store: NoticeMemoryStore;
	#memory = $state.raw<NoticeMemory>({ seen: {}, off: [] });
	#now = $state(Date.now());
	/** The unread notices' IDs at the last announcement (undefined until the case rooms were first read whole). */
	#announced: Set<string> | undefined;

	constructor(cases: CaseRooms, userId: string, storage: Storage | undefined) {
		this.#cases = cases;
		this.#store = noticeMemory(`rogatory.notices.${userId}`, storage);
		this.#memory = this.#store.read();
	}

	/** Every notice, newest first (whether on or not). */
	get all(): Notice[] {
		const self = this.#cases.self;
		if (self === undefined || !this.#cases.ready) return [];
		return noticesOf({
			records: this.#cases.records,
			self,
			workflows: DEFAULT_REGISTRY,
			preservations: (room) => preservationsIn(this.#cases, room).records,
			now: this.#now,
			person: { userId: this.#cases.userId, displayName: (room) => this.#cases.room(room)?.names.get(this.#cases.userId) },
			discussion: (room) => this.#discussion(room),
		});
	}

	/** A case room's discussion messages, each with whether it counts (for the mentions). */
	#discussion(room: string): DiscussionMessage[] {
		const items = this.#cases.room(room)?.items ?? [];
		return items.flatMap((item) =>
			item.kind === 'text' && !item.pending
				? [
						{
							id: item.id,
							sender: item.sender,
							at: item.at,
							body: item.body,
							counts: item.warning === undefined && this.#cases.counts(item.id),
							...(item.mentions === undefined ? {} : { mentions: item.mentions }),
						},
					]
				: [],
		);
	}

	get unread(): Notice[] {
		return unreadNotices(this.all, this.#memory);
	}

	isUnread(notice: Notice): boolean {
		return notice.at > (this.#memory.seen[notice.room] ?? -Infinity);
	}

	enabled(category: NoticeCategory): boolean {
		return !this.#memory.off.includes(category);
	}

	setCategory(category: NoticeCategory, on: boolean): void {
		this.#memory = this.#store.setCategory(category, on);
	}

	/** Whether this device's browser notifications show the request's title (off unless the person chose it here). */
	get details(): boolean {
		return this.#memory.details === true;
	}

	setDetails(on: boolean): void {
		this.#memory = this.#store.setDetails(on);
	}

	/**
	 * The person looked at the case: its notices until now are read. `latest` is the newest server time the case
	 * shows: notices carry the servers' times, and this browser's clock may be behind them.
	 */
	markSeen(room: string, latest = 0): void {
		this.#memory = this.#store.markSeen(room, Math.max(Date.now(), latest));
	}

	/** The clock the reminders are judged by (the layout ticks it each minute). */
	tick(now = Date.now()): void {
		this.#now = now;
	}

	/**
	 * Announces the notices that became unread since the last call, as browser notifications while the app is out of
	 * sight; the first call (the case rooms read whole) only notes what is unread already. The request's title is the
	 * notification's body only where the person turned that on for this device.
	 */
	announce(title: (notice: Notice) => string, path: (notice: Notice) => string): void {
		if (!this.#cases.ready) return;
		const unread = this.unread;
		const fresh = freshNotices(this.#announced, unread);
		// NOTE: not reactive state: what was announced is this method's own bookkeeping, read by nothing else.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		this.#announced = new Set(unread.map((n) => n.id));
		if (!appHidden()) return;
		const records = this.details ? this.#cases.records : [];
		const body = (notice: Notice): string | undefined => records.find((r) => r.room === notice.room)?.fields.title;
		for (const notice of fresh) void showBrowserNotification(title(notice), notice.id, path(notice), body(notice));
	}
}

const centres = new WeakMap<CaseRooms, NoticeCentre>();

/** The account's centre over its case rooms: one per page load, shared by the layout and the pages. */
export function noticeCentreFor(cases: CaseRooms, userId: string, storage: Storage | undefined = globalThis.localStorage): NoticeCentre {
	let centre = centres.get(cases);
	if (centre === undefined) {
		centre = new NoticeCentre(cases, userId, storage);
		centres.set(cases, centre);
	}
	return centre;
}
