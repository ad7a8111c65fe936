// Builds a network-statistics event's content (network-stats.ts): the payload
// under NETWORK_STATS_KEY and its one readable line, as an `m.notice`. The
// payload is checked as the secretariat's reader will check it, so a bridge
// never sends what the secretariat would refuse.
import { ok, type Result } from '../result.ts';
import { NETWORK_STATS_KEY, networkStatsBody, type NetworkStatsPayload } from './network-stats.ts';
import { checkNetworkStatsPayload } from './network-stats-parse.ts';
import type { ReportRefusal } from './refusal.ts';

export function buildNetworkStatsContent(payload: NetworkStatsPayload): Result<Record<string, unknown>, ReportRefusal> {
	const checked = checkNetworkStatsPayload(payload, NETWORK_STATS_KEY);
	if (!checked.ok) return checked;
	return ok({ msgtype: 'm.notice', body: networkStatsBody(checked.value), 'm.mentions': {}, [NETWORK_STATS_KEY]: checked.value });
}
