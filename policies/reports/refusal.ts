// Why a report (a witnessed register head, a network-statistics payload) was
// not taken: a code the caller can branch on and a reason a person can read.
// The readers of policies/reports never throw; everything they refuse comes
// back as one of these (STYLE.md, 4).
import { err } from '../result.ts';

export const REPORT_REFUSALS = [
	/** The content carries no report under the expected key. */
	'not-a-report',
	/** The content carries `m.relates_to`, which every homeserver in the room can read. */
	'relation-not-allowed',
	'unsupported-version',
	/** A key the format does not have: refused, never dropped, so nothing unnoticed rides along. */
	'unknown-key',
	/** Past a cap (entries, length, a count's size). */
	'too-large',
	/** Anything else of the wrong shape or form. */
	'malformed',
] as const;
export type ReportRefusalCode = (typeof REPORT_REFUSALS)[number];

export interface ReportRefusal {
	readonly code: ReportRefusalCode;
	readonly reason: string;
}

export const refuse = (code: ReportRefusalCode, reason: string) => err<ReportRefusal>({ code, reason });
