import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowHash } from './chain.ts';
import { openRegister } from './register.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, REGISTER_CONTEXT, tempDir } from './testing.ts';
import type { LogRow } from './verify.ts';

let temp: ReturnType<typeof tempDir>;
let file: string;
beforeEach(() => {
	temp = tempDir();
	file = temp.file('r.db');
	const register = open(file);
	must(register.ingest(batch(MLA_HISTORY.slice(0, 6), 's1')));
	must(register.ingest(batch([...OTHER_HISTORY, ...MLA_HISTORY.slice(6)], 's2')));
	register.close();
});
afterEach(() => temp.cleanup());

function tamper(sql: string, ...params: unknown[]): void {
	const raw = new Database(file);
	raw.prepare(sql).run(...params);
	raw.close();
}

function verify() {
	const register = must(openRegister(file, REGISTER_CONTEXT, { readonly: true }));
	const report = must(register.verify());
	register.close();
	return report;
}

describe('verify', () => {
	it('passes an untouched log', () => {
		expect(verify()).toEqual({ intact: true, rows: 13 });
	});

	it('names a row whose content was altered', () => {
		tamper("UPDATE event_log SET content = replace(content, 'Bank records', 'Tax records') WHERE seq = 1");
		expect(verify()).toMatchObject({ intact: false, seq: 1, eventId: '$open', problem: 'altered' });
	});

	it('names a row whose verdict was altered', () => {
		tamper("UPDATE event_log SET kind = 'note', rejection_code = NULL, rejection_reason = NULL WHERE event_id = '$bad'");
		expect(verify()).toMatchObject({ intact: false, seq: 11, eventId: '$bad', problem: 'altered' });
	});

	it('names the row after one that was deleted', () => {
		tamper('DELETE FROM event_log WHERE seq = 5');
		expect(verify()).toMatchObject({ intact: false, seq: 6, eventId: '$t3', problem: 'removed-or-inserted' });
	});

	it('names the row after one that was altered and re-hashed', () => {
		const raw = new Database(file);
		const row = raw
			.prepare(
				`SELECT seq, room_id AS roomId, event_id AS eventId, sender, origin_server_ts AS originServerTs, kind,
				rejection_code AS rejectionCode, rejection_reason AS rejectionReason, content, prev_hash AS prevHash, hash,
				verification, sender_identity AS senderIdentity
				FROM event_log WHERE seq = 4`,
			)
			.get() as LogRow;
		const forged = { ...row, originServerTs: row.originServerTs + 1 };
		raw.prepare('UPDATE event_log SET origin_server_ts = ?, hash = ? WHERE seq = 4').run(forged.originServerTs, rowHash(forged));
		raw.close();
		expect(verify()).toMatchObject({ intact: false, seq: 5, problem: 'removed-or-inserted' });
	});

	it('notices rows removed at the end, which leave no gap', () => {
		tamper('DELETE FROM event_log WHERE seq = 13');
		expect(verify()).toMatchObject({ intact: false, seq: 13, eventId: null, problem: 'truncated' });
	});

	it('passes an empty register, in memory', () => {
		const register = must(openRegister(':memory:', REGISTER_CONTEXT));
		expect(must(register.verify())).toEqual({ intact: true, rows: 0 });
		must(register.ingest(batch(MLA_HISTORY)));
		expect(must(register.verify())).toEqual({ intact: true, rows: 11 });
		register.close();
	});
});
