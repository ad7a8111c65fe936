// Network statistics without case content (issue 13): with its
// administrators' consent (the site's bridge.report_to_secretariat), each
// authority's bridge sends its network's secretariat aggregated counts of its
// register — requests by kind, status and counterpart country, median days
// per stage, preservations followed up on time and lapsed — and nothing
// else: no room, no event, no title, reference, name or free text. Every key
// is a code with a grammar and every value a number, so the reader on the
// secretariat's side (network-stats-parse.ts) can refuse anything else.
//
// Counts come by side — requests the authority sent, requests it received —
// because two reporting members count the same request between them once
// each: the network's picture (network-picture.ts) adds up the sent side to
// count each request once. This module is the format and its builder.
import { NAMESPACE } from '../cases/vocabulary/namespace.ts';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import type { PreservationCounts } from './preservation-outcomes.ts';

/** The content key that holds a network-statistics payload (docs/secretariat-reports.md). */
export const NETWORK_STATS_KEY = `${NAMESPACE}.network-stats` as const;

/** The payload format version this code writes and reads. */
export const NETWORK_STATS_VERSION = 1 as const;

export const NETWORK_STATS_KEYS = ['version', 'authority', 'network', 'asOf', 'at', 'sent', 'received'] as const;
export const SIDE_KEYS = ['total', 'byKind', 'byStatus', 'byCounterpartCountry', 'medianDaysPerStage', 'preservations'] as const;

export const NETWORK_STATS_LIMITS = {
	/** Entries of one code → count map (kinds, statuses, countries, stages). */
	entries: 300,
	/** Any one count. */
	count: 1_000_000_000,
	/** A median stay, in days (a century). */
	days: 36_600,
	at: 40,
} as const;

/** Code grammars of the maps' keys; "unknown" is a valid key of each. */
export const CODE = /^[a-z][a-z0-9-]{0,47}$/;
export const COUNTRY = /^(?:[A-Z]{2}|unknown)$/;
export const NETWORK = /^[A-Z][A-Z0-9]{1,15}$/;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface StageMedian {
	/** Median days of the completed stays in the status, to a tenth of a day. */
	readonly medianDays: number;
	readonly stays: number;
}

/** One side's counts: the requests the authority sent (requesting) or received (requested). */
export interface SideCounts {
	readonly total: number;
	readonly byKind: Readonly<Record<string, number>>;
	readonly byStatus: Readonly<Record<string, number>>;
	/** ISO country of the other party; "unknown" when the roster does not list it. */
	readonly byCounterpartCountry: Readonly<Record<string, number>>;
	readonly medianDaysPerStage: Readonly<Record<string, StageMedian>>;
	/** The preservations of these requests' rooms (preservation-outcomes.ts). */
	readonly preservations: PreservationCounts;
}

export interface NetworkStatsPayload {
	readonly version: typeof NETWORK_STATS_VERSION;
	readonly authority: AuthorityId;
	/** The network whose secretariat it is for. */
	readonly network: NetworkId;
	/** The day counted on (YYYY-MM-DD, the authority's legal time zone): overdue and lapsed are as of its end. */
	readonly asOf: string;
	/** When it was computed (ISO 8601 with offset): the latest per authority counts. */
	readonly at: string;
	readonly sent: SideCounts;
	readonly received: SideCounts;
}

/** What the builder takes of a side's statistics: bridge/register's RegisterStats has these fields (and more, which stay home). */
export type SideStats = Omit<SideCounts, 'preservations'>;

export interface NetworkStatsInput {
	readonly authority: AuthorityId;
	readonly network: NetworkId;
	readonly asOf: string;
	readonly at: string;
	readonly sent: { readonly stats: SideStats; readonly preservations: PreservationCounts };
	readonly received: { readonly stats: SideStats; readonly preservations: PreservationCounts };
}

/** Days to a tenth: a median of one stay is that case's duration, and no finer grain is needed. */
export const roundDays = (days: number): number => Math.round(days * 10) / 10;

/** Counts under keys of the grammar; any other key (which no register should hold) is counted as "unknown". */
function codes(counts: Readonly<Record<string, number>>, grammar: RegExp): Record<string, number> {
	const out: Record<string, number> = {};
	for (const key of Object.keys(counts).sort()) {
		const k = grammar.test(key) ? key : 'unknown';
		out[k] = (out[k] ?? 0) + (counts[key] ?? 0);
	}
	return out;
}

function side({ stats, preservations }: NetworkStatsInput['sent']): SideCounts {
	const stages: Record<string, StageMedian> = {};
	for (const status of Object.keys(stats.medianDaysPerStage).sort()) {
		const stage = stats.medianDaysPerStage[status];
		// NOTE: a status off the grammar cannot be merged into "unknown" (medians do not add); it stays home.
		if (stage === undefined || !CODE.test(status)) continue;
		stages[status] = { medianDays: roundDays(stage.medianDays), stays: stage.stays };
	}
	return {
		total: stats.total,
		byKind: codes(stats.byKind, CODE),
		byStatus: codes(stats.byStatus, CODE),
		byCounterpartCountry: codes(stats.byCounterpartCountry, COUNTRY),
		medianDaysPerStage: stages,
		preservations: { onTime: preservations.onTime, lapsed: preservations.lapsed },
	};
}

/**
 * The payload: each field copied by name — never spread — so whatever else
 * the statistics carry (RegisterStats.overdue.rooms: room IDs) never leaves.
 */
export function networkStatsPayload(input: NetworkStatsInput): NetworkStatsPayload {
	return {
		version: NETWORK_STATS_VERSION,
		authority: input.authority,
		network: input.network,
		asOf: input.asOf,
		at: input.at,
		sent: side(input.sent),
		received: side(input.received),
	};
}

/** One line a stock client shows, e.g. "Network statistics of gt-mp for REFCO as of 2026-03-31: 12 requests sent, 7 received". */
export function networkStatsBody(p: NetworkStatsPayload): string {
	return `Network statistics of ${p.authority} for ${p.network} as of ${p.asOf}: ${p.sent.total} requests sent, ${p.received.total} received`;
}
