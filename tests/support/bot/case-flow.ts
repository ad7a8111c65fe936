// A scripted flow of real case events (built by policies/cases), for the
// bot's integration tests and the bridge benches — used by them only. An MLA
// request opened by the requesting side, sent, received, then the
// additional-information loop (requested asks, requesting provides) with
// notes and amendments from both sides between the moves; every so often an
// invalid event: malformed content (parse-rejected, logged as such), an
// amendment the sender's side may not make, a move by the wrong side.
// With `requestingOnly`, the requesting side sends everything after the
// opening and the first move (notes, amendments, invalid events): a flow for
// rooms without the counterpart; with `consultations`, its status moves
// through the flow too (draft ⇄ informal consultation, then sent).
// Each step waits for the previous one's event ID (the next move names it).
import {
	buildCaseContent,
	CASE_KEY,
	rendererFor,
	transitionIdOf,
	type CaseEvent,
	type EventId,
	type Opened,
	type Side,
	type StatusId,
	type TransitionId,
} from '#policies/cases/index.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import { mlaOpening } from '../case-room-node.ts';

/** Sends one event's content as `side`; resolves with its event ID. */
export type FlowSend = (side: Side, content: Record<string, unknown>) => Promise<string>;

export interface FlowOptions {
	readonly total: number;
	readonly requesting: AuthorityId;
	readonly requested: AuthorityId;
	/** An invalid event every `invalidEvery` events (default 23). */
	readonly invalidEvery?: number;
	readonly requestingOnly?: boolean;
	/**
	 * With `requestingOnly`: the request goes into informal consultation and back
	 * this many times, the moves spread evenly through the flow, and is sent
	 * only at the end (2 × consultations + 1 transitions from the requesting side
	 * alone, for the fault tests' one-sender bursts). Left out: sent at once.
	 */
	readonly consultations?: number;
	/** Distinguishes the flows of several rooms in their text. */
	readonly label?: string;
}

export interface FlowSummary {
	readonly sent: readonly string[];
	/** The events the flow meant to be refused (by the parser or the fold). */
	readonly invalid: readonly string[];
	readonly transitions: number;
	/** Of the valid events, how many were notes and how many amendments (what a complete fold counts). */
	readonly notes: number;
	readonly amendments: number;
}

function built(event: CaseEvent): Record<string, unknown> {
	const content = buildCaseContent(event, rendererFor('en'));
	if (!content.ok) throw new Error(`the flow built a case event that policies/cases refuses: ${content.error.reason}`);
	return content.value as unknown as Record<string, unknown>;
}

export function openingOf(options: FlowOptions): Opened {
	return mlaOpening({ requesting: options.requesting, requested: options.requested, title: `Bank records ${options.label ?? ''}`.trim() });
}

const status = (id: string): StatusId => id as StatusId;
const other = (side: Side): Side => (side === 'requesting' ? 'requested' : 'requesting');

export async function runCaseFlow(options: FlowOptions, send: FlowSend): Promise<FlowSummary> {
	const sent: string[] = [];
	const invalid: string[] = [];
	const every = options.invalidEvery ?? 23;
	let transitions = 0;
	let notes = 0;
	let amendments = 0;
	let head: TransitionId;
	let at = 'draft';
	const emit = async (side: Side, content: Record<string, unknown>, bad = false): Promise<string> => {
		const id = await send(side, content);
		sent.push(id);
		if (bad) invalid.push(id);
		return id;
	};
	const move = async (side: Side, to: string, reason?: string): Promise<void> => {
		const event: CaseEvent = {
			type: 'transition',
			follows: head,
			from: status(at),
			to: status(to),
			...(reason === undefined ? {} : { reason }),
		};
		head = transitionIdOf((await emit(side, built(event))) as EventId);
		at = to;
		transitions++;
	};
	head = transitionIdOf((await emit('requesting', built(openingOf(options)))) as EventId);
	const planned = movesSpread(options);
	if (planned.length === 0) await move('requesting', 'sent');
	// Whose turn it is, and how many events it has sent in this turn.
	let side: Side = options.requestingOnly === true ? 'requesting' : 'requested';
	let turn = 0;
	let inTurn = 0;
	while (sent.length < options.total) {
		const n = sent.length;
		const label = options.label === undefined ? '' : ` (${options.label})`;
		if (planned.length > 0 && n >= planned[0]!.at) {
			await move('requesting', planned.shift()!.to);
		} else if (n % every === every - 1) {
			await emit(side, invalidContent(n, every, side, head, at), true);
		} else if (options.requestingOnly !== true && inTurn >= 3 + ((turn * 7) % 9)) {
			// The move (or, for the first answer, two moves) that ends this side's turn.
			const asking = 'Please send the account holder’s full name.';
			if (side === 'requesting') await move('requesting', 'info-provided');
			else if (at === 'sent') await move('requested', 'received');
			else await move('requested', 'additional-info-requested', asking);
			if (at === 'received' && sent.length < options.total) await move('requested', 'additional-info-requested', asking);
			side = other(side);
			turn++;
			inTurn = 0;
			continue;
		} else if (n % 5 === 0) {
			const changes = side === 'requesting' ? { respondBy: `2027-0${1 + (n % 9)}-1${n % 10}` } : { title: `Bank records, file ${n}` };
			await emit(side, built({ type: 'amended', changes, reason: `Update ${n}${label}` }));
			amendments++;
		} else {
			await emit(side, built({ type: 'note', text: `Note ${n}${label}: documents attached.` }));
			notes++;
		}
		inTurn++;
	}
	return { sent, invalid, transitions, notes, amendments };
}

/** The requesting side's moves of a `consultations` flow: where in the flow each goes, and to what. */
function movesSpread(options: FlowOptions): { at: number; to: string }[] {
	const rounds = options.requestingOnly === true ? (options.consultations ?? 0) : 0;
	if (rounds === 0) return [];
	const count = 2 * rounds + 1;
	return Array.from({ length: count }, (_, k) => ({
		at: Math.floor(((k + 1) * options.total) / (count + 1)),
		to: k === count - 1 ? 'sent' : k % 2 === 0 ? 'informal-consultation' : 'draft',
	}));
}

/** Content that must be refused, in turn: malformed, a wrong-side amendment, a wrong-side move. */
function invalidContent(n: number, every: number, side: Side, head: TransitionId, at: string): Record<string, unknown> {
	switch (Math.floor(n / every) % 3) {
		case 0:
			return { msgtype: 'm.text', body: 'Note: (empty)', [CASE_KEY]: { v: 1, type: 'note', text: '' } };
		case 1:
			return side === 'requested'
				? built({ type: 'amended', changes: { urgency: 'urgent' }, reason: 'Not ours to change' })
				: built({ type: 'amended', changes: { requestedReference: 'X-1' as never }, reason: 'Not ours to change' });
		default:
			// No move of the workflow closes a request from the loop's statuses.
			return built({ type: 'transition', follows: head, from: status(at), to: status('closed') });
	}
}
