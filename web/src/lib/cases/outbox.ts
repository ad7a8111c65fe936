// What the person sends into case rooms, kept until the homeserver has it:
// written while offline, it is queued and shown as pending, and sent when the
// connection returns, in order, per room. Each entry carries its own Matrix
// transaction ID, kept across retries and page reloads, so the homeserver
// stores it once however many times a lost answer makes us try again
// (client-server API, "transaction identifiers"). An attachment is queued
// encrypted: its ciphertext waits in this browser (attachments/pending-store.ts)
// and is uploaded when its turn comes, then its event is sent like the rest.
// Pure functions over the list; outbox-sender.svelte.ts keeps it and sends.

/** The local transaction IDs of queued messages start so, to tell their local echoes apart. */
export const OUTBOX_TXN_PREFIX = 'rog-';

export const OUTBOX_KINDS = ['text', 'file', 'amendment', 'transition', 'settlement', 'note', 'case'] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

export interface OutboxEntry {
	/** The transaction ID the message is sent with, every time. */
	readonly txnId: string;
	readonly roomId: string;
	readonly kind: OutboxKind;
	/** The m.room.message content, built (and its case payload checked) when queued. */
	readonly content: Readonly<Record<string, unknown>>;
	readonly queuedAt: number;
	/** The event ID the homeserver gave it, once accepted; the entry leaves when the room shows that event. */
	readonly eventId?: string;
	/** Not sent, and not tried again on its own (not a lost connection): why. */
	readonly refused?: Refusal;
	/** An attachment whose ciphertext waits in this browser to be uploaded; the content gets its URL then. */
	readonly upload?: true;
}

/** Why a queued message was not sent; the page says it in the reader's language. */
export type Refusal =
	/** The homeserver refused it (an HTTP status below 500, when known). NOTE: its own words go to the console only. */
	| { readonly kind: 'homeserver'; readonly status?: number }
	/** A queued attachment's ciphertext is no longer in this browser. */
	| { readonly kind: 'file-missing' }
	/**
	 * A status change written against a state of the case that has passed
	 * (the other side moved it while this one was offline): never sent, since
	 * the fold would only see a conflict. `now` is the status it is at.
	 */
	| { readonly kind: 'moved-meanwhile'; readonly now: string };

/** The sentence an earlier version stored for a lost attachment (read back as `file-missing`). */
const LEGACY_MISSING_FILE = 'the file is no longer stored in this browser; discard this message and attach the file again';

/** A stored refusal: this version's, or an earlier one's string (an HTTP status, or the lost-file sentence). */
function parseRefusal(raw: unknown): Refusal | undefined {
	if (typeof raw === 'string') {
		if (raw === LEGACY_MISSING_FILE) return { kind: 'file-missing' };
		return /^[1-5]\d\d$/.test(raw) ? { kind: 'homeserver', status: Number(raw) } : { kind: 'homeserver' };
	}
	if (!isRecord(raw)) return undefined;
	if (raw['kind'] === 'file-missing') return { kind: 'file-missing' };
	if (raw['kind'] === 'moved-meanwhile' && typeof raw['now'] === 'string') return { kind: 'moved-meanwhile', now: raw['now'] };
	if (raw['kind'] === 'homeserver')
		return typeof raw['status'] === 'number' && Number.isInteger(raw['status'])
			? { kind: 'homeserver', status: raw['status'] }
			: { kind: 'homeserver' };
	return undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export function newTxnId(random: () => string = () => crypto.randomUUID()): string {
	return `${OUTBOX_TXN_PREFIX}${random()}`;
}

/** The kind of a message content, for what the page says and what waits on what. */
export function kindOf(content: Readonly<Record<string, unknown>>, caseKey: string): OutboxKind {
	const payload = content[caseKey];
	if (content['msgtype'] === 'm.file') return 'file';
	if (typeof payload !== 'object' || payload === null) return 'text';
	const type = (payload as Record<string, unknown>)['type'];
	return type === 'amended'
		? 'amendment'
		: type === 'transition'
			? 'transition'
			: type === 'settled'
				? 'settlement'
				: type === 'note'
					? 'note'
					: 'case';
}

/** The next entry to send in each room: the oldest not yet accepted, unless it was refused (which holds the room's queue). */
export function nextToSend(entries: readonly OutboxEntry[]): OutboxEntry[] {
	const next = new Map<string, OutboxEntry>();
	const held = new Set<string>();
	for (const entry of entries) {
		if (entry.eventId !== undefined || held.has(entry.roomId) || next.has(entry.roomId)) continue;
		if (entry.refused !== undefined) held.add(entry.roomId);
		else next.set(entry.roomId, entry);
	}
	return [...next.values()];
}

export function accepted(entries: readonly OutboxEntry[], txnId: string, eventId: string): OutboxEntry[] {
	return entries.map((e) => (e.txnId === txnId ? { ...e, eventId } : e));
}

/** The attachment's ciphertext is on the homeserver at `url`: the content names it, and the entry is sent next. */
export function uploaded(entries: readonly OutboxEntry[], txnId: string, url: string): OutboxEntry[] {
	return entries.map((e) => {
		if (e.txnId !== txnId) return e;
		const { upload: _done, ...rest } = e;
		const file = isRecord(e.content['file']) ? e.content['file'] : {};
		return { ...rest, content: { ...e.content, file: { ...file, url } } };
	});
}

export function refused(entries: readonly OutboxEntry[], txnId: string, why: Refusal): OutboxEntry[] {
	return entries.map((e) => (e.txnId === txnId ? { ...e, refused: why } : e));
}

/** Tries a refused entry again (same transaction ID). */
export function retried(entries: readonly OutboxEntry[], txnId: string): OutboxEntry[] {
	return entries.map((e) => {
		if (e.txnId !== txnId) return e;
		const { refused: _why, ...rest } = e;
		return rest;
	});
}

export function discarded(entries: readonly OutboxEntry[], txnId: string): OutboxEntry[] {
	return entries.filter((e) => e.txnId !== txnId || e.eventId !== undefined);
}

/** Drops the entries of `roomId` whose event the room now shows as the server sent it back. */
export function settled(
	entries: readonly OutboxEntry[],
	roomId: string,
	echoed: (eventId: string, txnId: string) => boolean,
): OutboxEntry[] {
	const kept = entries.filter((e) => e.roomId !== roomId || !echoed(e.eventId ?? '', e.txnId));
	return kept.length === entries.length ? (entries as OutboxEntry[]) : kept;
}

/** Whether a status change (or settlement) of the room is still on its way: the next one must name it, so moves wait. */
export function statusChangePending(entries: readonly OutboxEntry[], roomId: string): boolean {
	return entries.some((e) => e.roomId === roomId && (e.kind === 'transition' || e.kind === 'settlement'));
}

/** Whether the entry is a case event of `type` (e.g. `acknowledged`). */
export function isCaseEventOf(entry: OutboxEntry, caseKey: string, type: string): boolean {
	const payload = entry.content[caseKey];
	return typeof payload === 'object' && payload !== null && (payload as Record<string, unknown>)['type'] === type;
}

/** Whether a case event of `type` (e.g. `acknowledged`) waits for the room, not yet echoed. */
export function caseEventPending(entries: readonly OutboxEntry[], roomId: string, caseKey: string, type: string): boolean {
	return entries.some((e) => e.roomId === roomId && isCaseEventOf(e, caseKey, type));
}

/** Reads a stored outbox back; anything malformed (another version, a tampered store) is left out, never thrown. */
export function parseOutbox(text: string | null): OutboxEntry[] {
	if (text === null) return [];
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return [];
	}
	if (!Array.isArray(value)) return [];
	return value.flatMap((raw): OutboxEntry[] => {
		if (!isRecord(raw)) return [];
		const { txnId, roomId, kind, content, queuedAt, eventId, refused: why, upload } = raw;
		if (typeof txnId !== 'string' || !txnId.startsWith(OUTBOX_TXN_PREFIX) || typeof roomId !== 'string' || !roomId.startsWith('!'))
			return [];
		if (!(OUTBOX_KINDS as readonly unknown[]).includes(kind) || !isRecord(content)) return [];
		const refusal = why === undefined ? undefined : parseRefusal(why);
		if (
			typeof queuedAt !== 'number' ||
			(upload !== undefined && (upload !== true || kind !== 'file')) ||
			(eventId !== undefined && typeof eventId !== 'string') ||
			(why !== undefined && refusal === undefined)
		)
			return [];
		return [
			{
				txnId,
				roomId,
				kind: kind as OutboxKind,
				content,
				queuedAt,
				...(eventId === undefined ? {} : { eventId }),
				...(refusal === undefined ? {} : { refused: refusal }),
				...(upload === true ? { upload } : {}),
			},
		];
	});
}
