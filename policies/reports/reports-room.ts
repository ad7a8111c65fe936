// What the secretariat takes from a reports room (docs/secretariat-reports.md,
// "Receiving"): the events its reader decrypted, each with the trust rule's
// verdict (policies/trust, ARCHITECTURE.md decision 11), become the witnessed
// heads (`verify --witness`'s file) and the statistics payloads
// (networkPicture). An event counts only when it passed the trust rule, is a
// report that parses strictly, was sent by the bridge of the authority it
// names (reportFromItsBridge) and, in a reports room marked for one authority
// (policies/network/reports.ts), names that authority. Everything else is
// set aside with its reason, never silently. Pure.
import type { Result } from '../result.ts';
import type { AuthorityId } from '../roster/types.ts';
import type { TrustVerdict } from '../trust/verdict.ts';
import { NETWORK_STATS_KEY, type NetworkStatsPayload } from './network-stats.ts';
import { parseNetworkStatsContent } from './network-stats-parse.ts';
import type { ReportRefusal } from './refusal.ts';
import { reportFromItsBridge } from './sender.ts';
import { WITNESS_KEY, witnessPayload, type WitnessHead } from './witness.ts';
import { parseWitnessContent } from './witness-parse.ts';
import { isObject } from '../cases/events/read.ts';

/** One timeline event of a reports room, as its reader decrypted and judged it. */
export interface ReportsRoomEvent {
	readonly eventId: string;
	readonly sender: string;
	/** The decrypted event's type. */
	readonly type: string;
	readonly content: unknown;
	readonly verdict: TrustVerdict;
}

export interface ReportsReading {
	readonly heads: readonly WitnessHead[];
	readonly stats: readonly NetworkStatsPayload[];
	/** Every event not taken, with why. */
	readonly ignored: readonly { readonly eventId: string; readonly reason: string }[];
}

type Taken = { readonly head: WitnessHead } | { readonly stats: NetworkStatsPayload };

function readOne(event: ReportsRoomEvent): Result<Taken, ReportRefusal> | undefined {
	if (event.type !== 'm.room.message' || !isObject(event.content)) return undefined;
	if (Object.hasOwn(event.content, WITNESS_KEY)) {
		const head = parseWitnessContent(event.content);
		return head.ok ? { ok: true, value: { head: head.value } } : head;
	}
	if (Object.hasOwn(event.content, NETWORK_STATS_KEY)) {
		const stats = parseNetworkStatsContent(event.content);
		return stats.ok ? { ok: true, value: { stats: stats.value } } : stats;
	}
	return undefined;
}

/**
 * The reports taken from `events` (any rooms, any order). `bridgeOf`: each
 * authority's bridge. `authorityOf`: the authority the marker of the event's
 * room names, when the caller read it.
 */
export function readReports(
	events: readonly ReportsRoomEvent[],
	bridgeOf: ReadonlyMap<AuthorityId, string>,
	authorityOf: (event: ReportsRoomEvent) => AuthorityId | undefined = () => undefined,
): ReportsReading {
	const heads: WitnessHead[] = [];
	const stats: NetworkStatsPayload[] = [];
	const ignored: { eventId: string; reason: string }[] = [];
	for (const event of events) {
		const ignore = (reason: string) => ignored.push({ eventId: event.eventId, reason });
		if (!event.verdict.counts) {
			ignore(`${event.verdict.code}: ${event.verdict.reason}`);
			continue;
		}
		const read = readOne(event);
		if (read === undefined) {
			ignore('not a report (no witness head nor statistics in it)');
			continue;
		}
		if (!read.ok) {
			ignore(`${read.error.code}: ${read.error.reason}`);
			continue;
		}
		const authority = 'head' in read.value ? read.value.head.authority : read.value.stats.authority;
		const fromBridge = reportFromItsBridge(event.sender, authority, bridgeOf);
		if (!fromBridge.ok) {
			ignore(fromBridge.error);
			continue;
		}
		const room = authorityOf(event);
		if (room !== undefined && room !== authority) {
			ignore(`a report about ${authority} in the reports room of ${room}: not taken`);
			continue;
		}
		if ('head' in read.value) heads.push(read.value.head);
		else stats.push(read.value.stats);
	}
	return { heads, stats, ignored };
}

/** The witness file `verify --witness` reads: the heads' payloads, by authority, then seq, then time; one per line. */
export function witnessFileText(heads: readonly WitnessHead[]): string {
	const sorted = [...heads].sort((a, b) =>
		a.authority !== b.authority ? (a.authority < b.authority ? -1 : 1) : a.seq - b.seq || (a.at < b.at ? -1 : a.at > b.at ? 1 : 0),
	);
	return `[\n${sorted.map((h) => `\t${JSON.stringify(witnessPayload(h))}`).join(',\n')}\n]\n`;
}
