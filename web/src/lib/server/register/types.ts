// What the register pages show, as plain serialisable data, and the narrow
// reading interface they need from an authority's register (the SQLite file
// its bridge writes). The pages depend on this interface only; the bridge's
// register (bridge/register) sits behind it (bridge-source.ts), and tests use
// a fake (fake-source.ts).
import type { Result } from '#policies/result.ts';

/** One request of the authority, as the register records it now. */
export interface RegisterEntry {
	readonly roomId: string;
	/** Request kind code (mla, extradition…). */
	readonly kind: string;
	/** Status code of the case's workflow (sent, received…). */
	readonly status: string;
	/** Whether the request is answered (policies/cases, isAnswered): executed, refused, withdrawn… or closed. */
	readonly finished: boolean;
	/** Which end of the request this authority is on. */
	readonly side: 'requesting' | 'requested';
	/** The other authority's roster id, when known. */
	readonly counterpart: string | undefined;
	/** ISO 3166-1 alpha-2 of the counterpart, when known. */
	readonly counterpartCountry: string | undefined;
	readonly ourReference: string | undefined;
	readonly theirReference: string | undefined;
	readonly title: string | undefined;
	/** Milliseconds since the epoch (the homeserver's timestamp of the latest change). */
	readonly lastChangeAt: number | undefined;
	/** YYYY-MM-DD the requesting side asked for an answer by, if any. */
	readonly respondBy: string | undefined;
	/** The bridge's last check of the case room's history against its homeserver; undefined before the first. */
	readonly history: HistoryCheck | undefined;
}

/**
 * The bridge's last reconciliation of a case room (issue 14): it paged the
 * room's history back at its homeserver and ingested what it did not have.
 */
export interface HistoryCheck {
	/** Milliseconds since the epoch (the bridge's clock). */
	readonly checkedAt: number;
	/** Whether the pass read the history back to its last complete point or its start. */
	readonly complete: boolean;
	/** Events the pass found missing (and added to the register). */
	readonly missing: number;
	/** When a pass was last complete, if ever. */
	readonly lastCompleteAt: number | undefined;
}

export interface Count {
	readonly key: string;
	readonly count: number;
}

/** How long requests stayed in one status before leaving it. */
export interface StageDuration {
	readonly status: string;
	readonly medianDays: number;
	/** How many stays the median is over. */
	readonly stays: number;
}

export interface RegisterStatistics {
	readonly total: number;
	readonly byKind: readonly Count[];
	readonly byStatus: readonly Count[];
	readonly byCountry: readonly Count[];
	readonly byNetwork: readonly Count[];
	readonly stages: readonly StageDuration[];
	/** Open requests past the date to answer by. */
	readonly overdue: { readonly total: number; readonly byKind: readonly Count[] };
}

/** An event the register did not count, and why (bridge/register/refusals.ts). */
export interface RefusedEvent {
	readonly roomId: string;
	/** The request's title, when the room is one of the register's requests. */
	readonly caseTitle: string | undefined;
	readonly eventId: string;
	readonly sender: string;
	/** Milliseconds since the epoch (the sender's homeserver's timestamp). */
	readonly at: number;
	/** arrival: how it came (policies/trust); content: malformed; rule: the case's rules; undecryptable. */
	readonly source: 'arrival' | 'content' | 'rule' | 'undecryptable';
	/** A trust code, a rejection code, or 'withheld' / 'missing-key'. */
	readonly code: string;
}

/** A counterpart whose cross-signing identity changed since the bridge first saw it. */
export interface IdentityChange {
	readonly userId: string;
	readonly since: number;
	/** Who approved the new identity, and when; undefined while its events are refused. */
	readonly approved: { readonly by: string; readonly at: number } | undefined;
}

export interface Refusals {
	readonly events: readonly RefusedEvent[];
	readonly identities: readonly IdentityChange[];
}

export type ExportFormat = 'csv' | 'json' | 'refused-csv';

/** A failure to read the register, for the server log (the page says it in the reader's language). */
export type ReadProblem = string;

export interface RegisterSource {
	entries(): Result<readonly RegisterEntry[], ReadProblem>;
	statistics(now: number): Result<RegisterStatistics, ReadProblem>;
	refusals(): Result<Refusals, ReadProblem>;
	exported(format: ExportFormat): Result<string, ReadProblem>;
	close(): void;
}

/** Opening a register: it may not exist yet (the bridge has written nothing), or be unreadable. */
export type RegisterOpening =
	| { readonly kind: 'missing' }
	| { readonly kind: 'unreadable'; readonly detail: string }
	| { readonly kind: 'open'; readonly source: RegisterSource };
