// What an authority is alerted about (issue 16), from the folded records the
// bridge already keeps: a request it was asked, marked urgent or immediate
// (raised at its opening), and a preservation it asked for whose period
// lapses within 48 hours (raised 48 hours before the expiry, until the
// expiry) — and who can be told: the authority's 24/7 focal points from its
// directory entries, with their rota in milliseconds (escalation.ts). Pure.
// The preservation law (DOMAIN.md): the requested side had the custodian
// freeze the data; before the period ends the REQUESTING side must act —
// send the formal MLA request (the follow-up) or a renewed request (an
// extension, where the rule allows one) — so the lapse alerts the authority
// that asked, never the one that was asked. An extension moves the expiry:
// the alert's ID names the expiry, so each period has its own escalation.
import type { OpenedCase } from '../cases/index.ts';
import type { PersonEntry } from '../directory/types.ts';
import type { PreservationRecord } from '../preservation/record/types.ts';
import type { AuthorityId } from '../roster/types.ts';
import type { FocalPoint } from './escalation.ts';

export type AlertKind = 'urgent-request' | 'preservation-lapsing';

export interface AlertSubject {
	readonly kind: AlertKind;
	readonly room: string;
	/** Stable across restarts: the room for a request; the preservation's ID and expiry for a preservation (lapsingAlertId). */
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

/** A lapse's alert ID: the preservation (its request's event ID) and the expiry (ms) it lapses at. */
export function lapsingAlertId(preservation: string, expiresAt: number): string {
	return `${preservation}#${expiresAt}`;
}

/**
 * The lapse alert of a preservation `own` asked for (the requesting side of
 * its case), still running with a deadline, at `now`: raised 48 hours before
 * the expiry, none before that, none once it lapsed, none once released or
 * followed up, none for the side that was asked.
 */
export function lapsingPreservationAlert(
	preservation: PreservationRecord,
	parties: { readonly requesting: AuthorityId; readonly requested: AuthorityId },
	own: AuthorityId,
	now: number,
): AlertSubject | undefined {
	const deadline = preservation.deadline;
	if (deadline === undefined || preservation.status === 'released' || preservation.status === 'follow-up-sent') return undefined;
	if (parties.requesting !== own || preservation.requested.side !== 'requesting') return undefined;
	const raisedAt = deadline.expiresAt - LAPSING_WITHIN_MS;
	if (now < raisedAt || now >= deadline.expiresAt) return undefined;
	return { kind: 'preservation-lapsing', room: preservation.room, id: lapsingAlertId(preservation.id, deadline.expiresAt), raisedAt };
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
