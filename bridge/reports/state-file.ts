// What a bridge remembers of the reports it sent its secretariats
// (docs/secretariat-reports.md, "Sending"), in one JSON file in its secrets
// folder (mode 0600, written whole, like the directory's and the network
// keeper's): for each reports room and kind, the period of the last report
// sent and its event ID. Written right after each send, so a restart sends
// nothing twice in a period; a crash between the send and the write sends
// the same transaction again, which the homeserver does not repeat
// (policies/reports/schedule.ts). Room and event IDs only, never contents.
import { existsSync, readFileSync } from 'node:fs';
import type { ReportKind } from '../../policies/reports/schedule.ts';
import { writeSecret } from '../matrix/secret-files.ts';

export interface SentReport {
	readonly period: string;
	readonly eventId: string;
}

export interface ReportsState {
	/** Room → kind → the last report sent there. */
	readonly sent: Readonly<Record<string, Partial<Readonly<Record<ReportKind, SentReport>>>>>;
}

export const EMPTY_REPORTS_STATE: ReportsState = { sent: {} };

export function readReportsState(path: string): ReportsState {
	if (!existsSync(path)) return EMPTY_REPORTS_STATE;
	const read = JSON.parse(readFileSync(path, 'utf8')) as Partial<ReportsState>;
	return { ...EMPTY_REPORTS_STATE, ...read };
}

export function writeReportsState(path: string, state: ReportsState): void {
	writeSecret(path, `${JSON.stringify(state, null, '\t')}\n`);
}

/** The state with `report` as the last of `kind` in `room`. */
export const withSent = (state: ReportsState, room: string, kind: ReportKind, report: SentReport): ReportsState => ({
	sent: { ...state.sent, [room]: { ...state.sent[room], [kind]: report } },
});
