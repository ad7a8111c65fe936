// The authority's register as its bridge writes it (bridge/register), opened
// read-only for the pages: the web server never writes it. Rows, statistics
// and exports are the bridge register's own (readRows, registerStats,
// casesCsv, registerJson); this file only turns them into the pages' shapes.
import { calendarDate } from '#policies/cases/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { AuthorityId, Roster } from '#policies/roster/types.ts';
import {
	casesCsv,
	openRegister,
	readIdentityChanges,
	readReconciliations,
	readRefusals,
	readRows,
	refusalsCsv,
	registerJson,
	registerStats,
	type Register,
	type RegisterRows,
	type RegisterStats,
} from '../../../../../bridge/register/index.ts';
import { entryOf } from './entry.ts';
import type { Count, ExportFormat, Refusals, RegisterEntry, RegisterOpening, RegisterSource, RegisterStatistics } from './types.ts';

/** Most first, then by key, so charts read from the largest bar down. */
export function counts(record: Readonly<Record<string, number>>): Count[] {
	return Object.entries(record)
		.map(([key, count]) => ({ key, count }))
		.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}

/** The bridge's statistics in the pages' shape. */
export function statisticsOf(stats: RegisterStats): RegisterStatistics {
	return {
		total: stats.total,
		byKind: counts(stats.byKind),
		byStatus: counts(stats.byStatus),
		byCountry: counts(stats.byCounterpartCountry),
		byNetwork: counts(stats.byNetwork),
		stages: Object.entries(stats.medianDaysPerStage).map(([status, { medianDays, stays }]) => ({ status, medianDays, stays })),
		overdue: { total: stats.overdue.total, byKind: counts(stats.overdue.byKind) },
	};
}

class BridgeRegisterSource implements RegisterSource {
	readonly #register: Register;
	readonly #self: AuthorityId;
	readonly #roster: Roster;

	constructor(register: Register, self: AuthorityId, roster: Roster) {
		this.#register = register;
		this.#self = self;
		this.#roster = roster;
	}

	#rows(): Result<RegisterRows, string> {
		return this.#read(() => readRows(this.#register.db));
	}

	entries(): Result<readonly RegisterEntry[], string> {
		const rows = this.#rows();
		if (!rows.ok) return rows;
		const checks = this.#read(() => readReconciliations(this.#register.db));
		if (!checks.ok) return checks;
		return ok(rows.value.cases.map((row) => entryOf(row, this.#self, this.#roster, checks.value.get(row.roomId))));
	}

	statistics(now: number): Result<RegisterStatistics, string> {
		const rows = this.#rows();
		if (!rows.ok) return rows;
		// NOTE: "overdue" counts days in the authority's legal time zone, where its deadlines run.
		const timeZone = this.#roster.authorities.find((a) => a.id === this.#self)?.timeZone ?? 'UTC';
		return ok(
			statisticsOf(registerStats({ rows: rows.value, roster: this.#roster, authority: this.#self, today: calendarDate(now, timeZone) })),
		);
	}

	refusals(): Result<Refusals, string> {
		const rows = this.#rows();
		if (!rows.ok) return rows;
		const titles = new Map(rows.value.cases.map((c) => [c.roomId, c.title ?? undefined]));
		return this.#read(() => ({
			events: readRefusals(this.#register.db).map(({ roomId, eventId, sender, at, source, code }) => ({
				roomId,
				caseTitle: titles.get(roomId),
				eventId,
				sender,
				at,
				source,
				code,
			})),
			identities: readIdentityChanges(this.#register.db).map((c) => ({
				userId: c.userId,
				since: c.firstSeenAt,
				approved: c.approvedBy === null || c.approvedAt === null ? undefined : { by: c.approvedBy, at: c.approvedAt },
			})),
		}));
	}

	exported(format: ExportFormat): Result<string, string> {
		if (format === 'refused-csv') return this.#read(() => refusalsCsv(readRefusals(this.#register.db)));
		const rows = this.#rows();
		if (!rows.ok) return rows;
		if (format === 'csv') return ok(casesCsv(rows.value));
		return this.#read(() => registerJson(rows.value, readRefusals(this.#register.db)));
	}

	#read<T>(read: () => T): Result<T, string> {
		try {
			return ok(read());
		} catch (error) {
			return err(`register ${this.#register.file}: cannot be read: ${error instanceof Error ? error.message : String(error)}`);
		}
	}

	close(): void {
		this.#register.close();
	}
}

export function openBridgeRegister(file: string, self: AuthorityId, roster: Roster): RegisterOpening {
	const opened = openRegister(file, { roster, servers: new Map() }, { readonly: true });
	if (!opened.ok) return { kind: 'unreadable', detail: opened.error.message };
	return { kind: 'open', source: new BridgeRegisterSource(opened.value, self, roster) };
}
