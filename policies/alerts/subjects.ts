// What an authority is alerted about (issue 16), from the folded records the
// bridge already keeps: a request it was asked, marked urgent or immediate
// (raised at its opening), and a preservation in its case rooms whose period
// lapses within 48 hours (raised 48 hours before the expiry) — each with
// whether a person of the requested side acknowledged it — and who can be
// told: the authority's 24/7 focal points from its directory entries, with
// their rota in milliseconds (escalation.ts). Pure.
import type { OpenedCase } from '../cases/index.ts';
import type { PersonEntry } from '../directory/types.ts';
import type { PreservationRecord } from '../preservation/record/types.ts';
import type { AuthorityId } from '../roster/types.ts';
import type { FocalPoint } from './escalation.ts';

export type AlertKind = 'urgent-request' | 'preservation-lapsing';

export interface AlertSubject {
	readonly kind: AlertKind;
	readonly room: string;
	/** Stable across restarts: the room for a request, the preservation's ID for a preservation. */
	readonly id: string;
	readonly raisedAt: number;
}

/** How long before a preservation lapses the alert is raised. */
export const LAPSING_WITHIN_MS = 48 * 3_600_000;

/** The alert of an urgent or immediate request `own` was asked; none for a routine one or one it asked. */
export function urgentRequestAlert(record: OpenedCase, own: AuthorityId): AlertSubject | undefined {
	if (record.parties.requested !== own || record.fields.urgency === 'routine') return undefined;
	return { kind: 'urgent-request', room: record.room, id: record.room, raisedAt: record.openedBy.at };
}

/** The alert of a preservation still running with a deadline; none once released, followed up or without one. */
export function lapsingPreservationAlert(preservation: PreservationRecord): AlertSubject | undefined {
	const deadline = preservation.deadline;
	if (deadline === undefined || preservation.status === 'released' || preservation.status === 'follow-up-sent') return undefined;
	return {
		kind: 'preservation-lapsing',
		room: preservation.room,
		id: preservation.id,
		raisedAt: deadline.expiresAt - LAPSING_WITHIN_MS,
	};
}

/** The authority's 24/7 focal points with a Matrix account, their rota periods in milliseconds (unreadable ones left out). */
export function focalPointsOf(entries: readonly PersonEntry[], authority: AuthorityId): FocalPoint[] {
	return entries
		.filter((e) => e.authority === authority && e.roles.includes('focal-point-24-7') && e.matrixId !== undefined)
		.map((e) => ({
			userId: e.matrixId!,
			rota: e.rota
				.map((p) => ({ from: Date.parse(p.from), to: Date.parse(p.to) }))
				.filter((p) => Number.isFinite(p.from) && Number.isFinite(p.to) && p.from < p.to),
		}));
}
