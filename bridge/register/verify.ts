// Checks the event log's hash chain and reports the first broken row: a row
// whose hash does not match its fields was altered; a seq that skips a number
// or a prev_hash that does not match the row before means a row was removed
// (or inserted) just before this one. The checkpoint's copy of the log's head
// catches rows removed at the end, which leave no gap behind them.
import { GENESIS, rowHash, type ChainedRow } from './chain.ts';

export interface LogRow extends ChainedRow {
	readonly hash: string;
}

export type VerifyReport =
	| { readonly intact: true; readonly rows: number }
	| {
			readonly intact: false;
			/** The first row that does not fit; for rows removed at the end, the seq the log should reach. */
			readonly seq: number;
			readonly eventId: string | null;
			readonly problem: 'altered' | 'removed-or-inserted' | 'truncated';
			readonly reason: string;
	  };

/** The first row that does not fit, as verifyRows reports it. */
export type ChainBreak = Extract<VerifyReport, { readonly intact: false }>;

/**
 * The chain checked one row at a time, for readers that walk the log for
 * something else too (witness.ts, against the witnessed heads): `step` each row in seq order (it answers
 * the break at the first row that does not fit; stop there), then `finish`
 * with the checkpoint's head.
 */
export interface ChainWalk {
	step(row: LogRow): ChainBreak | undefined;
	finish(head: { readonly seq: number; readonly hash: string } | undefined): VerifyReport;
}

export function chainWalk(): ChainWalk {
	let expected = 1;
	let prev = GENESIS;
	return {
		step(row) {
			const broken = (problem: 'altered' | 'removed-or-inserted', reason: string): ChainBreak => ({
				intact: false,
				seq: row.seq,
				eventId: row.eventId,
				problem,
				reason: `seq ${row.seq} (${row.eventId}): ${reason}`,
			});
			if (row.seq !== expected)
				return broken('removed-or-inserted', `expected seq ${expected}: a row was removed or inserted before this one`);
			if (row.prevHash !== prev)
				return broken(
					'removed-or-inserted',
					`prev_hash does not match the hash of seq ${expected - 1}: the row before was removed, replaced or altered`,
				);
			if (rowHash(row) !== row.hash) return broken('altered', 'its hash does not match its fields: the row was altered');
			prev = row.hash;
			expected++;
			return undefined;
		},
		finish(head) {
			const count = expected - 1;
			if (head !== undefined && (head.seq !== count || (count > 0 && head.hash !== prev))) {
				return {
					intact: false,
					seq: head.seq,
					eventId: null,
					problem: 'truncated',
					reason: `the log ends at seq ${count} but the checkpoint records seq ${head.seq} as its last row: rows were removed at the end (or the checkpoint was altered)`,
				};
			}
			return { intact: true, rows: count };
		},
	};
}

export function verifyRows(rows: Iterable<LogRow>, head: { readonly seq: number; readonly hash: string } | undefined): VerifyReport {
	const walk = chainWalk();
	for (const row of rows) {
		const broken = walk.step(row);
		if (broken !== undefined) return broken;
	}
	return walk.finish(head);
}
