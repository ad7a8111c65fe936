// Gap filling that follows the room's history, not the sync stream (issue 14).
// A Synapse that was down or cut off and then got more than ~100 events for a
// room prunes its federation queue, fetches only a few missing prev_events and
// leaves a gap in the room's DAG that only backfill fills — and backfill runs
// when a client paginates backwards; backfilled events never come by /sync.
// So the bridge pages back (/messages dir=b, no `to`) from a timeline's
// prev_batch, or from its committed sync token, making the homeserver
// backfill, until it is past the room's mark (the newest event an earlier
// complete pass covered) by `overlap` known events in a row, or at the room's
// start; the events it does not know are ingested oldest first. The overlap
// is there because /messages orders by depth: events of a branch the server
// lacked (sent elsewhere during a partition while this side kept writing) can
// sort below the mark. A known event alone is no stop: the gap lies behind the
// events that arrived live. A pass is bounded (`maxPages`): a huge room cannot
// stall the bridge; the next pass tries again.
// The decisions are pure; the page fetch (/messages) is the caller's.
import type { RawEvent } from './sync-batch.ts';

/** One /messages page, dir=b: the message events newest first, and the token to go on from (none at the room's start). */
export interface Page {
	readonly events: readonly RawEvent[];
	readonly end: string | undefined;
}

/** Why a pass stopped: it reached the room's mark, the room's start, or its page bound. */
export type Stop = 'mark' | 'start' | 'bound';

export interface Backfill {
	/** The events the bridge did not know, oldest first. */
	readonly missing: readonly RawEvent[];
	/** The newest message event the pass saw (its first page's first): the room's next mark when the pass was complete. */
	readonly newest: string | undefined;
	readonly stop: Stop;
	readonly pages: number;
}

/** Where a pass is in the room's history: past the mark yet, and how many known events in a row since. */
export interface ScanState {
	readonly pastMark: boolean;
	readonly knownRun: number;
}

export const SCAN_START: ScanState = { pastMark: false, knownRun: 0 };

/**
 * A page read newest first: the unknown events, and whether the pass is done
 * (past the mark by `overlap` known events in a row) with the state it ends in.
 */
export function scanPage(
	events: readonly RawEvent[],
	mark: string | undefined,
	known: (eventId: string) => boolean,
	overlap: number,
	state: ScanState = SCAN_START,
): { readonly missing: readonly RawEvent[]; readonly reachedMark: boolean; readonly state: ScanState } {
	const missing: RawEvent[] = [];
	let { pastMark, knownRun } = state;
	for (const event of events) {
		if (event.event_id === mark) pastMark = true;
		if (event.event_id === mark || known(event.event_id)) knownRun++;
		else {
			missing.push(event);
			knownRun = 0;
		}
		if (pastMark && knownRun > overlap) return { missing, reachedMark: true, state: { pastMark, knownRun } };
	}
	return { missing, reachedMark: false, state: { pastMark, knownRun } };
}

/** Whether to fetch another page after `pages` pages, the last of which ended at `end`. */
export function nextStep(reachedMark: boolean, end: string | undefined, pages: number, maxPages: number): Stop | undefined {
	if (reachedMark) return 'mark';
	if (end === undefined) return 'start';
	return pages >= maxPages ? 'bound' : undefined;
}

/** The events found, newest first page by page, turned oldest first, each once. */
export function oldestFirst(newestFirst: readonly RawEvent[]): RawEvent[] {
	const seen = new Set<string>();
	const out: RawEvent[] = [];
	for (let i = newestFirst.length - 1; i >= 0; i--) {
		const event = newestFirst[i]!;
		if (seen.has(event.event_id)) continue;
		seen.add(event.event_id);
		out.push(event);
	}
	return out;
}

/** The room's mark after a pass: the newest event it covered when it was complete, else the mark it had. */
export function markAfter(pass: Pick<Backfill, 'stop' | 'newest'>, previous: string | undefined, newer?: string): string | undefined {
	if (pass.stop === 'bound') return previous;
	return newer ?? pass.newest ?? previous;
}

/** Pages back from `from` until past the mark by `overlap` known events, the room's start or `maxPages`. */
export async function backPaginate(
	from: string,
	mark: string | undefined,
	known: (eventId: string) => boolean,
	page: (from: string) => Promise<Page>,
	maxPages: number,
	overlap = 50,
): Promise<Backfill> {
	const found: RawEvent[] = [];
	let newest: string | undefined;
	let state = SCAN_START;
	for (let token = from, pages = 1; ; pages++) {
		const got = await page(token);
		newest ??= got.events[0]?.event_id;
		const scanned = scanPage(got.events, mark, known, overlap, state);
		state = scanned.state;
		found.push(...scanned.missing);
		// NOTE: a page may hold no message event yet go on (state only): only a page without `end` is the room's start.
		const stop = nextStep(scanned.reachedMark, got.end, pages, maxPages);
		if (stop !== undefined || got.end === undefined) return { missing: oldestFirst(found), newest, stop: stop ?? 'start', pages };
		token = got.end;
	}
}

/** Whether a periodic reconciliation is due: never run yet, or `everyMs` since the last one started. */
export function reconcileDue(lastStartedAt: number | undefined, now: number, everyMs: number): boolean {
	return lastStartedAt === undefined || now - lastStartedAt >= everyMs;
}

/** Whether a change of the SDK's sync state is a reconnection: it was failing and syncs again. */
export function isReconnection(previous: string | undefined, state: string): boolean {
	return (previous === 'ERROR' || previous === 'RECONNECTING') && (state === 'SYNCING' || state === 'CATCHUP' || state === 'PREPARED');
}
