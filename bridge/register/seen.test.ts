// seen_events, seen_since and reconciliations (migration 0005, issue 14):
// what the register holds of a room for `verify --complete`.
import Database from 'better-sqlite3';
import journal from './migrations/meta/_journal.json' with { type: 'json' };
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANA, OTHER_ROOM, ROOM } from '../../policies/cases/testing/fixtures.ts';
import { reconciliations } from './schema.ts';
import { registerSink } from './sink.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from './testing.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const lost = (eventId: string) => ({ room: ROOM, eventId, sender: ANA, originServerTs: 6000, reason: 'no key' });
const seenRows = (file: string) => {
	const raw = new Database(file, { readonly: true });
	const rows = raw.prepare('SELECT seq, room_id AS room, event_id AS id, kind FROM seen_events ORDER BY seq').all();
	raw.close();
	return rows as { seq: number; room: string; id: string; kind: string }[];
};

describe('seen events', () => {
	it('records every event handed on, chat and undecryptable included, once, in order, beside the log', () => {
		const file = temp.file('r.db');
		const register = open(file);
		must(
			register.ingest({
				...batch(MLA_HISTORY),
				undecryptable: [lost('$u1')],
				passed: [{ room: ROOM, eventId: '$redacted', originServerTs: 7000 }],
			}),
		);
		// Again (a replayed batch), and the undecryptable one decrypted at last, as chat.
		must(register.ingest(batch(MLA_HISTORY)));
		must(register.ingest(batch([{ ...MLA_HISTORY[8]!, eventId: '$u1' }])));
		const rows = seenRows(file);
		expect(rows.map((r) => r.id)).toEqual([...MLA_HISTORY.map((e) => e.eventId), '$u1', '$redacted']);
		expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
		expect(Object.fromEntries(rows.map((r) => [r.id, r.kind]))).toMatchObject({
			$open: 'case',
			$bad: 'case',
			$chat: 'chat',
			$u1: 'chat',
			$redacted: 'other',
		});
		const held = must(register.held(ROOM));
		expect(held.since).toBeUndefined();
		expect(held.held.map((h) => h.eventId).sort()).toEqual(rows.map((r) => r.id).sort());
		expect(held.held.every((h) => h.kept)).toBe(true);
		expect(must(register.held(OTHER_ROOM)).held).toEqual([]);
		// The bridge's gap filling knows chat now, not only case events.
		expect(registerSink(register).holds('$chat')).toBe(true);
		register.close();
	});

	it('holds an event seen as a case event only while its log row is there; a log row without a seen row is held', () => {
		const file = temp.file('r.db');
		const register = open(file);
		must(register.ingest(batch([...MLA_HISTORY, ...OTHER_HISTORY])));
		register.close();
		const raw = new Database(file);
		raw.prepare("DELETE FROM event_log WHERE event_id = '$t2'").run();
		raw.prepare("DELETE FROM seen_events WHERE event_id = '$t3'").run();
		raw.close();
		const again = open(file);
		const held = new Map(must(again.held(ROOM)).held.map((h) => [h.eventId, h]));
		expect(held.get('$t2')).toMatchObject({ kind: 'case', kept: false });
		expect(held.get('$t3')).toMatchObject({ kind: 'case', kept: true });
		again.close();
	});

	it('records each reconciliation pass per room, keeping the time of the last complete one', () => {
		const file = temp.file('r.db');
		const register = open(file);
		must(register.ingest({ ...batch([]), reconciled: [{ room: ROOM, at: 1000, complete: true, missing: 3 }] }));
		must(register.ingest({ ...batch([]), reconciled: [{ room: ROOM, at: 2000, complete: false, missing: 0 }] }));
		expect(register.db.select().from(reconciliations).all()).toEqual([
			{ roomId: ROOM, checkedAt: 2000, complete: false, missing: 0, lastCompleteAt: 1000 },
		]);
		expect(register.ingest({ ...batch([]), reconciled: [{ room: ROOM, at: -1, complete: true, missing: 0 }] })).toMatchObject({
			ok: false,
			error: { code: 'INVALID_BATCH' },
		});
		register.close();
	});
});

describe('migration 0005 on a register in use before it', () => {
	it('copies the logged and undecryptable events into seen_events and records since when chat is recorded too', () => {
		const file = temp.file('old.db');
		const register = open(file);
		must(register.ingest({ ...batch(MLA_HISTORY), undecryptable: [lost('$u1')] }));
		register.close();
		// The register as a bridge before migration 0005 left it.
		const raw = new Database(file);
		// NOTE: the migrations after 0005 are undone as well, so that all of them run again.
		raw.exec(
			'DROP TABLE seen_events; DROP TABLE seen_since; DROP TABLE reconciliations; DROP TABLE escalation_steps; DROP TABLE digest_mails; DROP TABLE alert_preferences; DROP TABLE alert_acks;',
		);
		raw
			.prepare('DELETE FROM __drizzle_migrations WHERE created_at >= ?')
			.run(journal.entries.find((e) => e.tag === '0005_seen_events')!.when);
		raw.close();
		const before = Date.now();
		const migrated = open(file);
		const held = must(migrated.held(ROOM));
		expect(held.since).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(held.since).toBeLessThanOrEqual(Date.now());
		expect(held.held.map((h) => h.eventId).sort()).toEqual(
			[...MLA_HISTORY.map((e) => e.eventId).filter((id) => id !== '$chat'), '$u1'].sort(),
		);
		migrated.close();
		expect(seenRows(file).find((r) => r.id === '$u1')?.kind).toBe('undecryptable');
	});

	it('leaves a new register without seen_since: it records every event from its start', () => {
		const register = open(temp.file('new.db'));
		expect(must(register.held(ROOM)).since).toBeUndefined();
		register.close();
	});
});
