// `verify --complete <room>` (issue 14): has the bridge seen every event the
// homeserver holds for a case room? The homeserver's answer is a fresh
// back-pagination of the room (bridge/matrix/room-history.ts), kept to what
// the bridge hands on — message events, encrypted or not, not its own; the
// register's is what it holds of the room: every event it recorded as seen
// (seen_events: case events, chat, undecryptable and redacted ones, by ID),
// with the log and the undecryptable table behind them. No decryption is
// needed: the comparison is by event ID. Pure.
// - missing: an event of the history the register does not hold, or holds
//   as seen while the row it was kept in (its log row, its undecryptable row)
//   is gone;
// - unknown: an event the register holds that the history did not return
//   (read before the history was, by its timestamp);
// - unjudged: an event older than the register's seen_since that it does not
//   hold — a register in use before seen_events kept case events only, so
//   such an event may have been chat. Counted and said, never a failure.

/** A timeline event of the homeserver's history, as the bridge would hand it on. */
export interface HistoryEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly type: string;
}

export type SeenKind = 'case' | 'chat' | 'undecryptable' | 'other';

/** An event the register holds for the room. */
export interface HeldEvent {
	readonly eventId: string;
	readonly originServerTs: number;
	readonly kind: SeenKind;
	/** False when it was seen as a case (or undecryptable) event and that row is gone from the register. */
	readonly kept: boolean;
}

export interface CompletenessInput {
	/** The room's history, newest first or oldest first: the report keeps its order. */
	readonly history: readonly HistoryEvent[];
	readonly held: readonly HeldEvent[];
	/** seen_since: before it, the register recorded case events only; undefined when it recorded every event from its start. */
	readonly since: number | undefined;
	/** When the history was read (ms since the epoch): what the register holds from later is not asked of it. */
	readonly readAt: number;
}

export interface MissingEvent extends HistoryEvent {
	/** 'row-gone': the register saw it, but the row it was kept in is no longer there. */
	readonly why: 'not-seen' | 'row-gone';
}

export interface CompletenessReport {
	readonly complete: boolean;
	/** Events of the history judged (those before `since` that the register does not hold are not). */
	readonly events: number;
	readonly missing: readonly MissingEvent[];
	readonly unknown: readonly HeldEvent[];
	readonly unjudged: number;
	readonly since: number | undefined;
}

export function compareHistory(input: CompletenessInput): CompletenessReport {
	const held = new Map(input.held.map((h) => [h.eventId, h]));
	const returned = new Set(input.history.map((e) => e.eventId));
	const missing: MissingEvent[] = [];
	let unjudged = 0;
	for (const event of input.history) {
		const h = held.get(event.eventId);
		if (h?.kept === true) continue;
		if (h === undefined && input.since !== undefined && event.originServerTs < input.since) {
			unjudged++;
			continue;
		}
		missing.push({ ...event, why: h === undefined ? 'not-seen' : 'row-gone' });
	}
	const unknown = input.held.filter((h) => !returned.has(h.eventId) && h.originServerTs <= input.readAt);
	return {
		complete: missing.length === 0 && unknown.length === 0,
		events: returned.size - unjudged,
		missing,
		unknown,
		unjudged,
		since: input.since,
	};
}

const iso = (ms: number): string => (Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/** What the command line prints: one line when complete, else a summary line and one line per event named. */
export function completenessText(file: string, room: string, report: CompletenessReport): string {
	const unjudged =
		report.unjudged === 0
			? ''
			: `; ${report.unjudged} older events not judged (before ${iso(report.since ?? 0)} the register recorded case events only, and these may have been chat)`;
	if (report.complete) return `register ${file}: room ${room} complete: ${report.events} events, all seen${unjudged}\n`;
	const parts = [
		report.missing.length === 0 ? undefined : `${report.missing.length} of ${report.events} events the homeserver holds are missing`,
		report.unknown.length === 0 ? undefined : `${report.unknown.length} events it holds were not returned by the homeserver`,
	].filter((p) => p !== undefined);
	const lines = [
		`register ${file}: room ${room} incomplete: ${parts.join('; ')}${unjudged}`,
		...report.missing.map(
			(m) =>
				`missing ${m.eventId} from ${m.sender} at ${iso(m.originServerTs)} (${m.type})${m.why === 'row-gone' ? ': seen by the bridge, but its row is no longer in the register' : ''}`,
		),
		...report.unknown.map(
			(u) =>
				`not on the homeserver: ${u.eventId} at ${iso(u.originServerTs)} (${u.kind}): the register holds it, the room's history did not return it`,
		),
	];
	return `${lines.join('\n')}\n`;
}
