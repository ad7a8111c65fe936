// The public face of policies/reports (issue 13, docs/secretariat-reports.md):
// what a bridge sends its network's secretariat — the witnessed head of its
// register and aggregated statistics — and what the secretariat makes of
// them. Each name is defined in the module named beside it.
export { REPORT_REFUSALS, type ReportRefusal, type ReportRefusalCode } from './refusal.ts';

export { WITNESS_KEY, WITNESS_KEYS, WITNESS_LIMITS, WITNESS_VERSION, witnessBody, witnessPayload } from './witness.ts';
export type { WitnessHead, WitnessPayload } from './witness.ts';
export { buildWitnessContent } from './witness-build.ts';
export { checkWitnessHead, parseWitnessContent, parseWitnessFile, type WitnessFileRefusal } from './witness-parse.ts';

export {
	NETWORK_STATS_KEY,
	NETWORK_STATS_LIMITS,
	NETWORK_STATS_VERSION,
	networkStatsBody,
	networkStatsPayload,
	type NetworkStatsInput,
	type NetworkStatsPayload,
	type SideCounts,
	type SideStats,
	type StageMedian,
} from './network-stats.ts';
export { buildNetworkStatsContent } from './network-stats-build.ts';
export { checkNetworkStatsPayload, parseNetworkStatsContent } from './network-stats-parse.ts';
export {
	networkPicture,
	weightedMedian,
	type AuthorityLine,
	type NetworkPicture,
	type SidePicture,
	type StagePicture,
} from './network-picture.ts';
export { pictureAuthoritiesCsv, pictureCsv, pictureJson } from './picture-export.ts';
export {
	countPreservations,
	PRESERVATION_OUTCOMES,
	preservationOutcome,
	type PreservationCounts,
	type PreservationOutcome,
} from './preservation-outcomes.ts';
export { reportFromItsBridge } from './sender.ts';
export { readReports, witnessFileText, type ReportsReading, type ReportsRoomEvent } from './reports-room.ts';
