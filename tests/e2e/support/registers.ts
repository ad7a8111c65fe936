// The bridges' registers, read as an auditor would: each authority's bridge
// (started by the orchestrator) writes .data/test/bridges/<authority>/
// register.sqlite beside the federation file; the tests open it read-only,
// through the register's own code, between the bridge's commits.
import { dirname, join } from 'node:path';
import type { CaseRecord } from '#policies/cases/index.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import { openRegister, registerSchema, type Register } from '../../../bridge/register/index.ts';
import { federation } from './env.ts';

/** Server name → authority, as this federation's bridges read user IDs (its loopback server names, not the roster's). */
function servers(): ReadonlyMap<string, AuthorityId> {
	return new Map(federation().homeservers.map((hs) => [hs.serverName, hs.id as AuthorityId]));
}

function registerFile(authority: string): string {
	const federation = process.env['ROGATORY_FEDERATION'];
	if (federation === undefined || federation === '')
		throw new Error('ROGATORY_FEDERATION is not set: run the end-to-end tests through npm test.');
	return join(dirname(federation), 'bridges', authority, 'register.sqlite');
}

function reading<T>(authority: string, read: (register: Register) => T): T {
	const opened = openRegister(registerFile(authority), { roster: demoRoster, servers: servers() }, { readonly: true });
	if (!opened.ok) throw new Error(opened.error.message);
	try {
		return read(opened.value);
	} finally {
		opened.value.close();
	}
}

/** The room's case record as the authority's register folds it now. */
export function registerRecord(authority: string, room: string): CaseRecord {
	return reading(authority, (register) => {
		const record = register.record(room);
		if (!record.ok) throw new Error(record.error.message);
		return record.value;
	});
}

/** The log row of an event, if the register logged it. */
export function loggedRow(authority: string, eventId: string): typeof registerSchema.eventLog.$inferSelect | undefined {
	return reading(authority, (register) =>
		register.db
			.select()
			.from(registerSchema.eventLog)
			.all()
			.find((row) => row.eventId === eventId),
	);
}

/** The undecryptable row of an event, if the bridge gave up decrypting it. */
export function undecryptableRow(authority: string, eventId: string): typeof registerSchema.undecryptable.$inferSelect | undefined {
	return reading(authority, (register) =>
		register.db
			.select()
			.from(registerSchema.undecryptable)
			.all()
			.find((row) => row.eventId === eventId),
	);
}

/** Whether the register holds any case row for the room (opened or not). */
export function hasCaseRow(authority: string, room: string): boolean {
	return reading(authority, (register) =>
		register.db
			.select()
			.from(registerSchema.cases)
			.all()
			.some((row) => row.roomId === room),
	);
}

/** Whether the register's hash chain is intact. */
export function registerIntact(authority: string): boolean {
	return reading(authority, (register) => {
		const report = register.verify();
		if (!report.ok) throw new Error(report.error.message);
		return report.value.intact;
	});
}

/** The person's own alert setting as the authority's bridge holds it (bridge/alerts/preference-intake.ts), if any. */
export function alertPreferenceOf(authority: string, user: string): { email: string | null; off: string[]; version: number } | undefined {
	return reading(authority, (register) => {
		const rows = register.preferences.all();
		if (!rows.ok) throw new Error(rows.error.message);
		const row = rows.value.find((r) => r.userId === user);
		return row === undefined ? undefined : { email: row.email, off: [...row.off], version: row.version };
	});
}
