// The rows exports and statistics work from: the opened cases and their
// status histories, read in a fixed order. Unopened rooms (no valid opening
// yet) are not requests and stay out.
import { asc, eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

export type CaseRow = typeof schema.cases.$inferSelect;
export type TransitionRow = typeof schema.transitions.$inferSelect;

export interface RegisterRows {
	readonly cases: readonly CaseRow[];
	readonly transitions: readonly TransitionRow[];
}

export function readRows(db: BetterSQLite3Database<typeof schema>): RegisterRows {
	const { cases, transitions } = schema;
	return {
		cases: db.select().from(cases).where(eq(cases.opened, true)).orderBy(asc(cases.roomId)).all(),
		transitions: db.select().from(transitions).orderBy(asc(transitions.roomId), asc(transitions.position)).all(),
	};
}

export type ReconciliationRow = typeof schema.reconciliations.$inferSelect;

/** The bridge's last reconciliation of each room it has read (issue 14), by room ID. */
export function readReconciliations(db: BetterSQLite3Database<typeof schema>): ReadonlyMap<string, ReconciliationRow> {
	return new Map(
		db
			.select()
			.from(schema.reconciliations)
			.all()
			.map((r) => [r.roomId, r]),
	);
}
