// The secretariat's reader of network-statistics events (network-stats.ts):
// raw `m.room.message` content in, a NetworkStatsPayload or a refusal out.
// Strict, because what a secretariat receives must be counts and codes only
// (issue 13, acceptance 5): a key the format does not have is refused, never
// dropped; every map key must be a code of its grammar and every value a
// number under its cap. Never throws.
import { get } from '../cases/events/read.ts';
import { parseInstant } from '../preservation/instant.ts';
import { ok, type Result } from '../result.ts';
import type { NetworkId } from '../roster/types.ts';
import {
	CODE,
	COUNTRY,
	DAY,
	NETWORK,
	NETWORK_STATS_KEY,
	NETWORK_STATS_KEYS,
	NETWORK_STATS_LIMITS as L,
	NETWORK_STATS_VERSION,
	networkStatsBody,
	SIDE_KEYS,
	type NetworkStatsPayload,
	type SideCounts,
	type StageMedian,
} from './network-stats.ts';
import { parseReportContent, type ReportFormat } from './content.ts';
import { amount, code, codeMap, count, exactObject, instantText, versionAndAuthority, type ReportRead } from './read.ts';
import { refuse, type ReportRefusal } from './refusal.ts';

const counts = (value: unknown, path: string, key: RegExp, example: string) =>
	codeMap(value, path, { max: L.entries, key, example }, (v, p) => count(v, p, L.count));

function stage(value: unknown, path: string): ReportRead<StageMedian> {
	const o = exactObject(value, path, ['medianDays', 'stays']);
	if (!o.ok) return o;
	const days = amount(get(o.value, 'medianDays'), `${path}.medianDays`, L.days);
	if (!days.ok) return days;
	const stays = count(get(o.value, 'stays'), `${path}.stays`, L.count);
	if (!stays.ok) return stays;
	if (stays.value === 0) return refuse('malformed', `${path}.stays: a stage with a median has at least one stay`);
	return ok({ medianDays: days.value, stays: stays.value });
}

function side(value: unknown, path: string): ReportRead<SideCounts> {
	const o = exactObject(value, path, SIDE_KEYS);
	if (!o.ok) return o;
	const total = count(get(o.value, 'total'), `${path}.total`, L.count);
	if (!total.ok) return total;
	const byKind = counts(get(o.value, 'byKind'), `${path}.byKind`, CODE, 'mla');
	if (!byKind.ok) return byKind;
	const byStatus = counts(get(o.value, 'byStatus'), `${path}.byStatus`, CODE, 'under-execution');
	if (!byStatus.ok) return byStatus;
	const byCountry = counts(get(o.value, 'byCounterpartCountry'), `${path}.byCounterpartCountry`, COUNTRY, 'GT');
	if (!byCountry.ok) return byCountry;
	const stages = codeMap(
		get(o.value, 'medianDaysPerStage'),
		`${path}.medianDaysPerStage`,
		{ max: L.entries, key: CODE, example: 'received' },
		stage,
	);
	if (!stages.ok) return stages;
	const p = exactObject(get(o.value, 'preservations'), `${path}.preservations`, ['onTime', 'lapsed']);
	if (!p.ok) return p;
	const onTime = count(get(p.value, 'onTime'), `${path}.preservations.onTime`, L.count);
	if (!onTime.ok) return onTime;
	const lapsed = count(get(p.value, 'lapsed'), `${path}.preservations.lapsed`, L.count);
	if (!lapsed.ok) return lapsed;
	// Each request is counted once per map: a map that adds up to another total is not a count of these requests.
	for (const [name, map] of [
		['byKind', byKind.value],
		['byStatus', byStatus.value],
		['byCounterpartCountry', byCountry.value],
	] as const) {
		const sum = Object.values(map).reduce((a, b) => a + b, 0);
		if (sum !== total.value) return refuse('malformed', `${path}.${name}: adds up to ${sum}, not the total ${total.value}`);
	}
	return ok({
		total: total.value,
		byKind: byKind.value,
		byStatus: byStatus.value,
		byCounterpartCountry: byCountry.value,
		medianDaysPerStage: stages.value,
		preservations: { onTime: onTime.value, lapsed: lapsed.value },
	});
}

/** The payload object (with `version`); `path` names where it sits. */
export function checkNetworkStatsPayload(value: unknown, path: string): ReportRead<NetworkStatsPayload> {
	const o = exactObject(value, path, NETWORK_STATS_KEYS);
	if (!o.ok) return o;
	const authority = versionAndAuthority(o.value, path, NETWORK_STATS_VERSION);
	if (!authority.ok) return authority;
	const network = code(get(o.value, 'network'), `${path}.network`, NETWORK, 'REFCO');
	if (!network.ok) return network;
	const asOf = code(get(o.value, 'asOf'), `${path}.asOf`, DAY, '2026-03-31');
	if (!asOf.ok) return asOf;
	if (!parseInstant(`${asOf.value}T00:00Z`).ok) return refuse('malformed', `${path}.asOf: ${asOf.value} is not a day of the calendar`);
	const at = instantText(get(o.value, 'at'), `${path}.at`, L.at);
	if (!at.ok) return at;
	const sent = side(get(o.value, 'sent'), `${path}.sent`);
	if (!sent.ok) return sent;
	const received = side(get(o.value, 'received'), `${path}.received`);
	if (!received.ok) return received;
	return ok({
		version: NETWORK_STATS_VERSION,
		authority: authority.value,
		network: network.value as NetworkId,
		asOf: asOf.value,
		at: at.value,
		sent: sent.value,
		received: received.value,
	});
}

const FORMAT: ReportFormat<NetworkStatsPayload> = {
	key: NETWORK_STATS_KEY,
	what: 'a statistics event',
	payload: checkNetworkStatsPayload,
	body: networkStatsBody,
	bodyName: 'networkStatsBody',
};

/** Reads a network-statistics event's content; the refusal says why it is not one. */
export function parseNetworkStatsContent(content: unknown): Result<NetworkStatsPayload, ReportRefusal> {
	return parseReportContent(content, FORMAT);
}
