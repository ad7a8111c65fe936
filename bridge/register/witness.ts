// Checks a register against the heads its bridge sent to the secretariat's
// witness room (issue 13; policies/reports/witness.ts). The chain alone shows
// edits of the file (verify.ts) but not a register rewritten whole — an
// altered row with every later row re-hashed is a valid chain. A witnessed
// head is the hash of row `seq` as it was then: each row's hash is the chain's
// head at its seq, so the register agrees with a witnessed head exactly when
// its row `seq` still has that hash.
//
// What can be named, honestly: only heads were witnessed, not rows. A rewrite
// from row k on changes the hash of k and of every row after it, so every
// head witnessed at seq ≥ k disagrees and every head before k agrees. The
// first row that differs therefore lies after the last head that agrees and
// at or before the first that does not: a range, one row when the two heads
// are adjacent (daily heads narrow it to one day's rows). Which row of the
// range it is only the original events can tell (the rooms' history, a
// backup), so the report lists the rows the register now holds there. A break
// of the chain itself is named as verify names it, with the same range
// reasoning for what came before it. Heads of other authorities are set
// aside, never compared. Pure: the rows and heads are passed in.
import type { AuthorityId } from '../../policies/roster/types.ts';
import { parseInstant } from '../../policies/preservation/instant.ts';
import type { WitnessHead } from '../../policies/reports/index.ts';
import { chainWalk, type ChainBreak, type LogRow } from './verify.ts';

/** Rows of the range listed in a report; the range's bounds say how many there are. */
export const RANGE_ROWS_LISTED = 20;

export interface Witnessed {
	readonly seq: number;
	readonly at: string;
}

export type WitnessReport =
	| { readonly verdict: 'refused'; readonly reason: string }
	| {
			readonly verdict: 'agrees';
			readonly rows: number;
			/** Heads of this authority compared (all agreed). */
			readonly heads: number;
			/** The witnessed head with the highest seq. */
			readonly latest: Witnessed;
			/** Heads of other authorities, not compared. */
			readonly setAside: number;
			readonly reason: string;
	  }
	| {
			readonly verdict: 'differs';
			/**
			 * rewritten: a witnessed head disagrees with the row at its seq;
			 * removed: the register ends before a witnessed head's seq;
			 * the others: the chain itself breaks (verify.ts).
			 */
			readonly problem: 'rewritten' | 'removed' | ChainBreak['problem'];
			/** The first row that differs from the witnessed history is among seq from..to (that row when they are equal). */
			readonly from: number;
			readonly to: number;
			/** The rows of from..to the register holds now (the first RANGE_ROWS_LISTED); a missing row is not listed. */
			readonly rows: readonly { readonly seq: number; readonly eventId: string }[];
			/** The witnessed head the register contradicts; absent when the chain's own break comes first. */
			readonly witnessed?: Witnessed;
			/** The last witnessed head the register still agrees with; absent when none does. */
			readonly agreed?: Witnessed;
			readonly setAside: number;
			readonly reason: string;
	  };

export interface WitnessInput {
	/** The event log in seq order (the register streams it). */
	readonly rows: Iterable<LogRow>;
	readonly heads: readonly WitnessHead[];
	/** The register's authority: heads of any other are set aside. */
	readonly authority: AuthorityId;
	/** The checkpoint's copy of the log's head, as for verify. */
	readonly checkpoint: { readonly seq: number; readonly hash: string } | undefined;
}

const instant = (at: string): number => {
	const parsed = parseInstant(at);
	return parsed.ok ? parsed.value : Number.NaN;
};

/** By seq, then by when witnessed, then by hash: the same order for any order of the file. */
function ordered(heads: readonly WitnessHead[]): WitnessHead[] {
	return [...heads].sort((a, b) => a.seq - b.seq || instant(a.at) - instant(b.at) || (a.hash < b.hash ? -1 : a.hash > b.hash ? 1 : 0));
}

const witnessed = (h: WitnessHead): Witnessed => ({ seq: h.seq, at: h.at });

export function verifyAgainstWitness({ rows, heads, authority, checkpoint }: WitnessInput): WitnessReport {
	const own = ordered(heads.filter((h) => h.authority === authority));
	const setAside = heads.length - own.length;
	if (own.length === 0) {
		const others = [...new Set(heads.map((h) => h.authority))].sort().join(', ');
		return {
			verdict: 'refused',
			reason:
				heads.length === 0
					? 'the witness file holds no heads'
					: `the witness file holds no heads of ${authority} (only of ${others}): it cannot vouch for this register`,
		};
	}
	const walk = chainWalk();
	let next = 0;
	// The last head that agreed, and the rows after it (the range a difference found next lies in).
	let agreed: WitnessHead | undefined;
	let range: { seq: number; eventId: string }[] = [];
	let more = false;
	const differs = (
		problem: Extract<WitnessReport, { verdict: 'differs' }>['problem'],
		at: number,
		what: string,
		against?: WitnessHead,
	): WitnessReport => {
		const from = (agreed?.seq ?? 0) + 1;
		// NOTE: a row whose seq went backwards breaks the chain at a seq below `from`; what follows the agreed head is what differs.
		const to = Math.max(at, from);
		const listed = range.filter((r) => r.seq <= to);
		const where =
			from === to
				? `seq ${to}${listed[0] === undefined ? '' : ` (${listed[0].eventId})`} is the first row that differs from the witnessed history`
				: `the first row that differs from the witnessed history is among seq ${from}..${to}` +
					(listed.length === 0 ? '' : ` (now there: ${listed.map((r) => `seq ${r.seq} ${r.eventId}`).join(', ')}${more ? ', …' : ''})`);
		const since =
			agreed === undefined
				? 'no witnessed head agrees with the register'
				: `the register agrees with the head witnessed at ${agreed.at} (seq ${agreed.seq})`;
		return {
			verdict: 'differs',
			problem,
			from,
			to,
			rows: listed,
			...(against === undefined ? {} : { witnessed: witnessed(against) }),
			...(agreed === undefined ? {} : { agreed: witnessed(agreed) }),
			setAside,
			reason: `${what}; ${where}; ${since}`,
		};
	};
	// NOTE: an empty register's head (seq 0) is the genesis hash, which the parser demands: it always agrees.
	while (own[next]?.seq === 0) agreed = own[next++];
	let count = 0;
	for (const row of rows) {
		if (range.length < RANGE_ROWS_LISTED) range.push({ seq: row.seq, eventId: row.eventId });
		else more = true;
		const broken = walk.step(row);
		if (broken !== undefined) return differs(broken.problem, broken.seq, `the chain breaks at ${broken.reason}`);
		count = row.seq;
		let last: WitnessHead | undefined;
		while (own[next] !== undefined && own[next]!.seq === row.seq) {
			const head = own[next++]!;
			if (head.hash !== row.hash)
				return differs(
					'rewritten',
					row.seq,
					`the head witnessed at ${head.at} for seq ${head.seq} is ${head.hash.slice(0, 12)}…, the register's row there is ${row.hash.slice(0, 12)}…: the register was rewritten`,
					head,
				);
			last = head;
		}
		if (last !== undefined) {
			agreed = last;
			range = [];
			more = false;
		}
	}
	const beyond = own[next];
	if (beyond !== undefined)
		return differs(
			'removed',
			count + 1,
			`the register ends at seq ${count} but seq ${beyond.seq} was witnessed at ${beyond.at}: rows were removed`,
			beyond,
		);
	const end = walk.finish(checkpoint);
	if (!end.intact) return differs(end.problem, count + 1, end.reason);
	const latest = own[own.length - 1]!;
	return {
		verdict: 'agrees',
		rows: count,
		heads: own.length,
		latest: witnessed(latest),
		setAside,
		reason: `agrees with ${own.length} witnessed head${own.length === 1 ? '' : 's'} of ${authority}, the latest for seq ${latest.seq} witnessed at ${latest.at}${setAside === 0 ? '' : `; ${setAside} head${setAside === 1 ? '' : 's'} of other authorities set aside`}`,
	};
}
