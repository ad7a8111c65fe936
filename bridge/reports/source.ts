// Where a bridge's reports come from (reporter.ts, ReportSource): its
// register — the head of its event log (`Register.logHead`) and the
// network statistics the register CLI's `network-stats` prints
// (bridge/register/network-stats.ts), counted on the day it is in the
// authority's legal time zone.
import { calendarDate } from '../../policies/cases/index.ts';
import { err, ok } from '../../policies/result.ts';
import type { AuthorityId, Roster } from '../../policies/roster/types.ts';
import { networkStatsFor, readRows, registerPreservations, type Register } from '../register/index.ts';
import type { ReportSource } from './reporter.ts';

export function registerReportSource(
	register: Register,
	roster: Roster,
	servers: ReadonlyMap<string, AuthorityId>,
	authority: AuthorityId,
): ReportSource {
	return {
		head: () => {
			const head = register.logHead();
			return head.ok ? head : err(head.error.message);
		},
		statistics: (network, now) => {
			const entry = roster.authorities.find((a) => a.id === authority);
			if (entry === undefined) return err(`the roster has no authority "${authority}"`);
			const rows = readRows(register.db);
			const preservations = registerPreservations(register, rows, servers);
			if (!preservations.ok) return err(preservations.error.message);
			const today = calendarDate(now, entry.timeZone);
			return ok(networkStatsFor({ rows, preservations: preservations.value, roster, authority, network, today, now }));
		},
	};
}
