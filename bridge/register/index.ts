// The register's public face: what bridge/matrix (writes, through ingest) and
// the web pages and CLI (reads) import. Each name is defined in the module
// named beside it.
export { openRegister, type Register, type RegisterDb } from './register.ts';
export type {
	Checkpoint,
	IngestBatch,
	IngestedEvent,
	IngestSummary,
	AlertPreferenceRow,
	AlertAckRow,
	InvitationRecord,
	OpenOptions,
	RegisterContext,
	RegisterError,
	UndecryptableRecord,
} from './types.ts';
export { registerSink, type RegisterSink } from './sink.ts';
export type { VerifyReport } from './verify.ts';
export { RANGE_ROWS_LISTED, verifyAgainstWitness, type WitnessInput, type WitnessReport, type Witnessed } from './witness.ts';
export type { RegisterSnapshot } from './snapshot.ts';
export * as registerSchema from './schema.ts';
export { readReconciliations, readRows, type CaseRow, type ReconciliationRow, type RegisterRows, type TransitionRow } from './rows.ts';
export { casesCsv, refusalsCsv, registerJson, transitionsCsv } from './export.ts';
export { readIdentityChanges, readRefusals, type IdentityChangeRow, type RefusalRow, type RefusalSource } from './refusals.ts';
export { registerStats, type RegisterStats, type StageTime, type StatsInput } from './stats.ts';
export { networkStatsFor, registerPreservations, rowsOnSide, type NetworkStatsFor, type RequestSide } from './network-stats.ts';
export type { KeptEvent, RoomPlan, ScheduleRow, ScheduleState, ScheduleStore } from './schedule.ts';
export type { EscalationStepRow, EscalationStore } from './escalations.ts';
export type { AlertPreferenceStore } from './alert-preferences.ts';
