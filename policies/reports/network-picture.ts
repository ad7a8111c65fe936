// The network's picture for its secretariat's dashboard (issue 13): the
// latest statistics payload of each member authority (network-stats.ts),
// added up. Counts add. Medians do not: a stage's network figure is the
// median of the authorities' medians weighted by their stays — an
// approximation of the network's median that the dashboard labels as such.
// The sent side counts each request once (its requesting authority's
// report); the received side shows what members received, including from
// authorities that do not report. Pure and deterministic: the same payloads
// in any order give the same picture.
import { parseInstant } from '../preservation/instant.ts';
import type { AuthorityId, NetworkId } from '../roster/types.ts';
import { roundDays, type NetworkStatsPayload, type SideCounts } from './network-stats.ts';

export interface StagePicture {
	/** The authorities' medians weighted by their stays, to a tenth of a day. */
	readonly weightedMedianDays: number;
	readonly stays: number;
	/** Authorities with a median for this stage. */
	readonly authorities: number;
}

/** A side added up: the counts of SideCounts, with each stage's figure for the network. */
export type SidePicture = Omit<SideCounts, 'medianDaysPerStage'> & {
	readonly medianDaysPerStage: Readonly<Record<string, StagePicture>>;
};

export interface AuthorityLine {
	readonly authority: AuthorityId;
	readonly asOf: string;
	readonly at: string;
	readonly sent: number;
	readonly received: number;
}

export interface NetworkPicture {
	readonly network: NetworkId;
	/** The authorities counted, by id, each with its latest payload's dates and totals. */
	readonly authorities: readonly AuthorityLine[];
	readonly sent: SidePicture;
	readonly received: SidePicture;
	/** Payloads not counted: for another network, or older than their authority's latest. */
	readonly setAside: number;
}

const instant = (at: string): number => {
	const parsed = parseInstant(at);
	return parsed.ok ? parsed.value : Number.NEGATIVE_INFINITY;
};

/** Later `at` wins; then later `asOf`; then the greater JSON text, so that no order of arrival decides. */
function later(a: NetworkStatsPayload, b: NetworkStatsPayload): boolean {
	const ta = instant(a.at);
	const tb = instant(b.at);
	if (ta !== tb) return ta > tb;
	if (a.asOf !== b.asOf) return a.asOf > b.asOf;
	return JSON.stringify(a) > JSON.stringify(b);
}

function add(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
	for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

const sorted = <T>(record: Readonly<Record<string, T>>): Record<string, T> =>
	Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** The lower weighted median: the smallest value at which the running weight reaches half the total. */
export function weightedMedian(entries: readonly { readonly value: number; readonly weight: number }[]): number {
	const list = [...entries].filter((e) => e.weight > 0).sort((a, b) => a.value - b.value);
	const total = list.reduce((s, e) => s + e.weight, 0);
	let running = 0;
	for (const e of list) {
		running += e.weight;
		if (running * 2 >= total) return e.value;
	}
	return 0;
}

function sidePicture(sides: readonly SideCounts[]): SidePicture {
	const byKind: Record<string, number> = {};
	const byStatus: Record<string, number> = {};
	const byCountry: Record<string, number> = {};
	const stages = new Map<string, { value: number; weight: number }[]>();
	let total = 0;
	let onTime = 0;
	let lapsed = 0;
	for (const s of sides) {
		total += s.total;
		add(byKind, s.byKind);
		add(byStatus, s.byStatus);
		add(byCountry, s.byCounterpartCountry);
		for (const [status, stage] of Object.entries(s.medianDaysPerStage))
			stages.set(status, [...(stages.get(status) ?? []), { value: stage.medianDays, weight: stage.stays }]);
		onTime += s.preservations.onTime;
		lapsed += s.preservations.lapsed;
	}
	const medianDaysPerStage: Record<string, StagePicture> = {};
	for (const status of [...stages.keys()].sort()) {
		const list = stages.get(status) ?? [];
		medianDaysPerStage[status] = {
			weightedMedianDays: roundDays(weightedMedian(list)),
			stays: list.reduce((s, e) => s + e.weight, 0),
			authorities: list.length,
		};
	}
	return {
		total,
		byKind: sorted(byKind),
		byStatus: sorted(byStatus),
		byCounterpartCountry: sorted(byCountry),
		medianDaysPerStage,
		preservations: { onTime, lapsed },
	};
}

/** The picture of `network` from the payloads its secretariat received (each already read by parseNetworkStatsContent). */
export function networkPicture(payloads: Iterable<NetworkStatsPayload>, network: NetworkId): NetworkPicture {
	const latest = new Map<AuthorityId, NetworkStatsPayload>();
	let seen = 0;
	for (const p of payloads) {
		seen++;
		if (p.network !== network) continue;
		const held = latest.get(p.authority);
		if (held === undefined || later(p, held)) latest.set(p.authority, p);
	}
	const counted = [...latest.values()].sort((a, b) => (a.authority < b.authority ? -1 : 1));
	return {
		network,
		authorities: counted.map((p) => ({ authority: p.authority, asOf: p.asOf, at: p.at, sent: p.sent.total, received: p.received.total })),
		sent: sidePicture(counted.map((p) => p.sent)),
		received: sidePicture(counted.map((p) => p.received)),
		setAside: seen - counted.length,
	};
}
