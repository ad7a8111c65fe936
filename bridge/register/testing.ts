// Test data for the register's tests: a scripted MLA history in one room (with
// an amendment, a note, a link, a chat message, a malformed event and an
// outsider's move), a short second room, temporary register files and batch
// helpers. Used by tests only.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CaseEventEnvelope, RoomId } from '../../policies/cases/index.ts';
import {
	AIGERIM,
	AMINA,
	ANA,
	CONTEXT,
	envelope,
	move,
	OPENED,
	OTHER_ROOM,
	ROOM,
	ROOT,
	TUNDE,
} from '../../policies/cases/testing/fixtures.ts';
import type { TrustVerdict } from '../../policies/trust/index.ts';
import { rowHash } from './chain.ts';
import { openRegister, type Register } from './register.ts';
import type { LogRow } from './verify.ts';
import type { IngestBatch, IngestedEvent, RegisterContext } from './types.ts';

export const REGISTER_CONTEXT: RegisterContext = { roster: CONTEXT.roster, servers: CONTEXT.servers };

/** How a properly encrypted event from a cross-signed device arrives. */
export const TRUSTED: TrustVerdict = { counts: true, verification: 'cross-signed' };

export const inRoom = (room: RoomId, events: readonly CaseEventEnvelope[]): IngestedEvent[] =>
	events.map((e) => ({ ...e, room, trust: TRUSTED }));

/** One MLA request, opened by Guatemala and moved by both sides. */
export const MLA_HISTORY: IngestedEvent[] = inRoom(ROOM, [
	envelope('$open', ANA, 1000, OPENED),
	envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
	envelope('$a1', ANA, 2500, { type: 'amended', changes: { respondBy: '2026-03-31' }, reason: 'Trial date set' }),
	envelope('$t2', AMINA, 3000, move('$t1', 'sent', 'received')),
	envelope('$a2', AMINA, 3500, { type: 'amended', changes: { requestedReference: 'CA/MLA/2025/041' as never }, reason: 'Our number' }),
	envelope('$t3', TUNDE, 4000, move('$t2', 'received', 'accepted')),
	envelope('$n1', TUNDE, 4500, { type: 'note', text: 'Bank contacted by phone.' }),
	envelope('$l1', ANA, 4600, { type: 'link', relation: 'preservation-mla', end: 'later', target: OTHER_ROOM }),
	{ eventId: '$chat' as never, sender: ANA, originServerTs: 4700, content: { msgtype: 'm.text', body: 'Thanks!' } },
	{
		eventId: '$bad' as never,
		sender: ANA,
		originServerTs: 4800,
		content: { msgtype: 'm.text', body: 'x', 'org.rogatory.case': { v: 1, type: 'note', text: '' } },
	},
	envelope('$x1', AIGERIM, 4900, move('$t3', 'accepted', 'under-execution')),
	envelope('$t4', AMINA, 5000, move('$t3', 'accepted', 'under-execution')),
]);

/** A second room: an opening and one move; opening event IDs are unique across rooms. */
export const OTHER_HISTORY: IngestedEvent[] = inRoom(OTHER_ROOM, [
	envelope('$open-b', TUNDE, 1500, { ...OPENED, requesting: OPENED.requested, requested: OPENED.requesting }),
	envelope('$b1', TUNDE, 2200, move('$open-b', 'draft', 'sent')),
]);

export const batch = (events: readonly IngestedEvent[], syncToken = 's', store = new Uint8Array([1])): IngestBatch => ({
	events,
	invitations: [],
	checkpoint: { syncToken, store },
});

/** A fresh temporary folder; remove it with cleanup(). */
export function tempDir(): { readonly dir: string; readonly file: (name: string) => string; readonly cleanup: () => void } {
	const dir = mkdtempSync(join(tmpdir(), 'rogatory-register-'));
	return { dir, file: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function open(file: string): Register {
	const opened = openRegister(file, REGISTER_CONTEXT);
	if (!opened.ok) throw new Error(opened.error.message);
	return opened.value;
}

export function must<T>(
	result: { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly message: string } },
): T {
	if (!result.ok) throw new Error(result.error.message);
	return result.value;
}

const LOG = `SELECT seq, room_id AS roomId, event_id AS eventId, sender, origin_server_ts AS originServerTs, kind,
	rejection_code AS rejectionCode, rejection_reason AS rejectionReason, content, prev_hash AS prevHash, hash,
	verification, sender_identity AS senderIdentity FROM event_log ORDER BY seq`;

/** What someone with the file does to hide an edit: alter row `seq`, re-hash it and every row after it, and the checkpoint. */
export function rewriteRegister(file: string, seq: number, alter: (row: LogRow) => LogRow): void {
	const raw = new Database(file);
	const rows = raw.prepare(LOG).all() as LogRow[];
	const update = raw.prepare('UPDATE event_log SET content = ?, origin_server_ts = ?, prev_hash = ?, hash = ? WHERE seq = ?');
	let prev = rows[seq - 2]?.hash ?? '0'.repeat(64);
	raw.transaction(() => {
		for (const original of rows.slice(seq - 1)) {
			const changed = original.seq === seq ? alter(original) : original;
			const row = { ...changed, prevHash: prev };
			const hash = rowHash(row);
			update.run(row.content, row.originServerTs, prev, hash, row.seq);
			prev = hash;
		}
		raw.prepare('UPDATE checkpoint SET log_hash = ?').run(prev);
	})();
	raw.close();
}
