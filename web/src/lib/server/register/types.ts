// What the register pages show, as plain serialisable data, and the narrow
// reading interface they need from an authority's register (the SQLite file
// its bridge writes). The pages depend on this interface only; the bridge's
// register (bridge/register) sits behind it (bridge-source.ts), and tests use
// a fake (fake-source.ts).
import type { Result } from '../../../../../policies/result.ts';

/** One request of the authority, as the register records it now. */
export interface RegisterEntry {
	readonly roomId: string;
	/** Request kind code (mla, extradition…). */
	readonly kind: string;
	/** Status code of the case's workflow (sent, received…). */
	readonly status: string;
	/** Whether the status ends the case in its workflow. */
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

export type ExportFormat = 'csv' | 'json';

/** A failure to read the register, for the server log (the page says it in the reader's language). */
export type ReadProblem = string;

export interface RegisterSource {
	entries(): Result<readonly RegisterEntry[], ReadProblem>;
	statistics(now: number): Result<RegisterStatistics, ReadProblem>;
	exported(format: ExportFormat): Result<string, ReadProblem>;
	close(): void;
}

/** Opening a register: it may not exist yet (the bridge has written nothing), or be unreadable. */
export type RegisterOpening =
	| { readonly kind: 'missing' }
	| { readonly kind: 'unreadable'; readonly detail: string }
	| { readonly kind: 'open'; readonly source: RegisterSource };
