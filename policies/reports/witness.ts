// A witnessed register head (issue 13, "A witness for every register"): each
// bridge sends the head of its register's hash chain — the row count and the
// last row's hash, with when it was read — to its network secretariat's
// witness room, daily. A chain shows edits of the file; only a head kept by
// someone else shows a register rewritten whole (bridge/register/chain.ts).
// The payload holds those four values and nothing else: no room, no event, no
// name. This module is the format; witness-build.ts builds the event content,
// witness-parse.ts reads it.
import { NAMESPACE } from '../cases/vocabulary/namespace.ts';
import type { AuthorityId } from '../roster/types.ts';

/** The content key that holds a witness head (docs/secretariat-reports.md). */
export const WITNESS_KEY = `${NAMESPACE}.witness` as const;

/** The payload format version this code writes and reads. */
export const WITNESS_VERSION = 1 as const;

/** The payload's keys, all required, no other allowed. */
export const WITNESS_KEYS = ['version', 'authority', 'seq', 'hash', 'at'] as const;

export const WITNESS_LIMITS = {
	/** Heads in one witness file: a daily head for more than a century. */
	heads: 50_000,
	/** A witness file's text, in characters (a head is about 170). */
	fileChars: 16_000_000,
	/** An ISO date-time with offset. */
	at: 40,
} as const;

/** One witnessed head of an authority's register. */
export interface WitnessHead {
	readonly authority: AuthorityId;
	/** Rows in the register's event log when it was read (its last seq; 0 for an empty log). */
	readonly seq: number;
	/** The hash of row `seq` (lower-case hex SHA-256); the chain's genesis, 64 zeros, for an empty log. */
	readonly hash: string;
	/** When the head was read, ISO 8601 with offset. */
	readonly at: string;
}

/** The payload under WITNESS_KEY. */
export interface WitnessPayload extends WitnessHead {
	readonly version: typeof WITNESS_VERSION;
}

/** One line a stock client shows, e.g. "Register head of gt-mp: 1234 rows, SHA-256 9f86…, read 2026-03-31T02:00:00Z". */
export function witnessBody(head: WitnessHead): string {
	return `Register head of ${head.authority}: ${head.seq} rows, SHA-256 ${head.hash}, read ${head.at}`;
}

/** The payload for `head`: exactly its four values, whatever else the object passed in carries. */
export function witnessPayload(head: WitnessHead): WitnessPayload {
	return { version: WITNESS_VERSION, authority: head.authority, seq: head.seq, hash: head.hash, at: head.at };
}
