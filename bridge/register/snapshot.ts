// The register's comparable content: every table but the checkpoint, rows in
// key order, as plain data. Two registers that ingested the same events in
// the same order — in one batch or many, with or without crashes between —
// have equal snapshots. The checkpoint is left out: its sync token and crypto
// store depend on how the batches were cut, not on what was logged.
import { asc } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

export interface RegisterSnapshot {
	readonly eventLog: (typeof schema.eventLog.$inferSelect)[];
	readonly cases: (typeof schema.cases.$inferSelect)[];
	readonly parties: (typeof schema.parties.$inferSelect)[];
	readonly transitions: (typeof schema.transitions.$inferSelect)[];
	readonly amendments: (typeof schema.amendments.$inferSelect)[];
	readonly links: (typeof schema.links.$inferSelect)[];
	readonly rejections: (typeof schema.rejections.$inferSelect)[];
	readonly invitations: (typeof schema.invitations.$inferSelect)[];
	readonly undecryptable: (typeof schema.undecryptable.$inferSelect)[];
	readonly identityChanges: (typeof schema.identityChanges.$inferSelect)[];
}

export function readSnapshot(db: BetterSQLite3Database<typeof schema>): RegisterSnapshot {
	const { eventLog, cases, parties, transitions, amendments, links, rejections, invitations, undecryptable, identityChanges } = schema;
	return {
		eventLog: db.select().from(eventLog).orderBy(asc(eventLog.seq)).all(),
		cases: db.select().from(cases).orderBy(asc(cases.roomId)).all(),
		parties: db.select().from(parties).orderBy(asc(parties.roomId), asc(parties.side)).all(),
		transitions: db.select().from(transitions).orderBy(asc(transitions.roomId), asc(transitions.position)).all(),
		amendments: db.select().from(amendments).orderBy(asc(amendments.roomId), asc(amendments.position)).all(),
		links: db.select().from(links).orderBy(asc(links.roomId), asc(links.position)).all(),
		rejections: db.select().from(rejections).orderBy(asc(rejections.roomId), asc(rejections.position)).all(),
		invitations: db.select().from(invitations).orderBy(asc(invitations.seq)).all(),
		undecryptable: db.select().from(undecryptable).orderBy(asc(undecryptable.eventId)).all(),
		identityChanges: db.select().from(identityChanges).orderBy(asc(identityChanges.userId), asc(identityChanges.identity)).all(),
	};
}
