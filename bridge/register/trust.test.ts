// The register and the trust rule (policies/trust): what did not arrive the way
// a party's verified device sends — in the clear, from a device nobody vouches
// for, under a changed identity — is logged with its reason and never folded;
// each logged row records how its event arrived, under the hash chain.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AMINA, ANA, envelope, move, OPENED, ROOM, ROOT } from '../../policies/cases/testing/fixtures.ts';
import { REQUEST, content as preservationContent } from '../../policies/preservation/record/testing/fixtures.ts';
import type { TrustVerdict } from '../../policies/trust/index.ts';
import { rowHash } from './chain.ts';
import { readIdentityChanges, readRefusals } from './refusals.ts';
import * as schema from './schema.ts';
import { batch, must, open, tempDir, TRUSTED } from './testing.ts';
import type { IngestedEvent } from './types.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

const CLEAR: TrustVerdict = { counts: false, code: 'not-encrypted', reason: 'sent in the clear' };
const UNSIGNED: TrustVerdict = { counts: false, code: 'unsigned-device', reason: 'sent from a device its owner has not cross-signed' };
const CHANGED: TrustVerdict = { counts: false, code: 'identity-changed', reason: 'identity changed' };

/** The row hash as chain.ts computed it before migration 0004, written out again here. */
const rowHashBefore0004 = (r: Record<string, unknown>): string =>
	createHash('sha256')
		.update(
			JSON.stringify([
				r['seq'],
				r['roomId'],
				r['eventId'],
				r['sender'],
				r['originServerTs'],
				r['kind'],
				r['rejectionCode'],
				r['rejectionReason'],
				r['content'],
				r['prevHash'],
			]),
		)
		.digest('hex');

const at = (e: ReturnType<typeof envelope>, trust: TrustVerdict, senderIdentity?: string): IngestedEvent => ({
	...e,
	room: ROOM,
	trust,
	...(senderIdentity === undefined ? {} : { senderIdentity }),
});

describe('the register and how events arrived', () => {
	it('logs a forged opening and move as refused, folds nothing of them, and folds the next real move', () => {
		const register = open(temp.file('r.db'));
		must(
			register.ingest(
				batch([
					at(envelope('$fake-open', AMINA, 900, OPENED), CLEAR),
					at(envelope('$open', ANA, 1000, OPENED), TRUSTED, 'MASTER-ANA'),
					at(envelope('$fake-move', AMINA, 1500, move(ROOT, 'draft', 'sent')), CLEAR),
				]),
			),
		);
		let s = must(register.snapshot());
		expect(s.eventLog.map((r) => [r.eventId, r.kind, r.rejectionCode, r.verification, r.senderIdentity])).toEqual([
			['$fake-open', 'rejected', 'not-encrypted', 'not-encrypted', null],
			['$open', 'opened', null, 'cross-signed', 'MASTER-ANA'],
			['$fake-move', 'rejected', 'not-encrypted', 'not-encrypted', null],
		]);
		expect(s.cases[0]).toMatchObject({ opened: true, openedEvent: '$open', status: 'draft' });
		expect(s.transitions).toEqual([]);

		must(register.ingest(batch([at(envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')), TRUSTED)], 's2')));
		s = must(register.snapshot());
		expect(s.cases[0]).toMatchObject({ status: 'sent', head: '$t1' });
		expect(s.transitions.map((t) => t.eventId)).toEqual(['$t1']);
		expect(must(register.record(ROOM))).toMatchObject({ opened: true, status: 'sent' });
		expect(must(register.verify())).toEqual({ intact: true, rows: 4 });
		register.close();
	});

	it('folds nothing from a device its owner never cross-signed, and says why in the row', () => {
		const register = open(temp.file('r.db'));
		must(register.ingest(batch([at(envelope('$open', ANA, 1000, OPENED), UNSIGNED)])));
		const s = must(register.snapshot());
		expect(s.eventLog[0]).toMatchObject({ kind: 'rejected', rejectionCode: 'unsigned-device', verification: 'unsigned-device' });
		expect(s.eventLog[0]?.rejectionReason).toMatch(/cross-signed/);
		// Nothing of it is folded: the room is not even a case of the register.
		expect(s.cases).toEqual([]);
		register.close();
	});

	it('notes a counterpart whose identity changed, once per identity, from the first event under it', () => {
		const register = open(temp.file('r.db'));
		must(
			register.ingest(
				batch([
					at(envelope('$open', ANA, 1000, OPENED), TRUSTED, 'OLD'),
					at(envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')), CHANGED, 'NEW'),
					at(envelope('$t2', ANA, 2100, move(ROOT, 'draft', 'sent')), CHANGED, 'NEW'),
				]),
			),
		);
		const rows = register.db.select().from(schema.identityChanges).all();
		expect(rows).toEqual([
			{
				userId: ANA,
				identity: 'NEW',
				roomId: ROOM,
				firstEventId: '$t1',
				firstSeenAt: 2000,
				approvedBy: null,
				approvedAt: null,
				approvalEventId: null,
			},
		]);
		expect(must(register.record(ROOM))).toMatchObject({ status: 'draft' });
		register.close();
	});

	it('logs a forged preservation event as refused; a trusted one is the reminders’ business, not the log’s', () => {
		const register = open(temp.file('r.db'));
		const preservation = (id: string, trust: TrustVerdict): IngestedEvent => ({
			room: ROOM,
			eventId: id,
			sender: AMINA,
			originServerTs: 3000,
			content: preservationContent(REQUEST),
			trust,
		});
		must(register.ingest(batch([preservation('$p-real', TRUSTED), preservation('$p-forged', CLEAR)])));
		expect(must(register.snapshot()).eventLog.map((r) => [r.eventId, r.rejectionCode])).toEqual([['$p-forged', 'not-encrypted']]);
		register.close();
	});

	it('hashes how an event arrived: changing it breaks the row; rows logged before it was recorded verify as they did', () => {
		const file = temp.file('r.db');
		const register = open(file);
		must(register.ingest(batch([at(envelope('$open', ANA, 1000, OPENED), TRUSTED, 'MASTER')])));
		register.close();
		const raw = new Database(file);
		raw.prepare("UPDATE event_log SET verification = 'verified' WHERE seq = 1").run();
		raw.close();
		const reopened = open(file);
		expect(must(reopened.verify())).toMatchObject({ intact: false, seq: 1, problem: 'altered' });
		reopened.close();

		const old = {
			seq: 1,
			roomId: ROOM,
			eventId: '$open',
			sender: ANA,
			originServerTs: 1000,
			kind: 'opened',
			rejectionCode: null,
			rejectionReason: null,
			content: '{}',
			prevHash: '0'.repeat(64),
		};
		// The hash of a row from before migration 0004 (no verification, no identity) is what it always was.
		expect(rowHash({ ...old, verification: null, senderIdentity: null })).toBe(rowHashBefore0004(old));
		expect(rowHash({ ...old, verification: 'cross-signed', senderIdentity: null })).not.toBe(rowHashBefore0004(old));
	});

	it('lists what it refused, newest first: how it arrived, its content, the case rules, and what it could not decrypt', () => {
		const register = open(temp.file('r.db'));
		must(
			register.ingest({
				...batch([
					at(envelope('$open', ANA, 1000, OPENED), TRUSTED),
					at(envelope('$forged', AMINA, 2000, move(ROOT, 'draft', 'sent')), CLEAR),
					at(envelope('$stale', AMINA, 3000, move(ROOT, 'sent', 'received')), TRUSTED),
					at(envelope('$changed', AMINA, 3500, move(ROOT, 'draft', 'sent')), CHANGED, 'NEW-KEY'),
				]),
				undecryptable: [{ room: ROOM, eventId: '$unsigned', sender: AMINA, originServerTs: 4000, reason: 'UNSIGNED_SENDER_DEVICE' }],
			}),
		);
		expect(readRefusals(register.db).map((r) => [r.eventId, r.source, r.code, r.verification])).toEqual([
			['$unsigned', 'undecryptable', 'unsigned-device', 'unsigned-device'],
			['$changed', 'arrival', 'identity-changed', 'identity-changed'],
			['$stale', 'rule', 'stale-from', null],
			['$forged', 'arrival', 'not-encrypted', 'not-encrypted'],
		]);
		expect(readIdentityChanges(register.db)).toEqual([
			{ userId: AMINA, identity: 'NEW-KEY', roomId: ROOM, firstEventId: '$changed', firstSeenAt: 3500, approvedBy: null, approvedAt: null },
		]);
		register.close();
	});
});
