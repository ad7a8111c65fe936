import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOM, OTHER_ROOM, ANA } from '../../policies/cases/testing/fixtures.ts';
import { GENESIS } from './chain.ts';
import { registerSink } from './sink.ts';
import { batch, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from './testing.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

describe('ingest', () => {
	it('logs every case event of a scripted MLA history and derives the case from the fold', () => {
		const register = open(temp.file('r.db'));
		const summary = must(register.ingest(batch(MLA_HISTORY, 'sync-1', new Uint8Array([7, 8, 9]))));
		expect(summary).toEqual({ logged: 11, skipped: 1, invitations: 0, undecryptable: 0, rooms: [ROOM] });
		const s = must(register.snapshot());

		expect(s.eventLog.map((r) => [r.seq, r.eventId, r.kind, r.rejectionCode])).toEqual([
			[1, '$open', 'opened', null],
			[2, '$t1', 'transition', null],
			[3, '$a1', 'amended', null],
			[4, '$t2', 'transition', null],
			[5, '$a2', 'amended', null],
			[6, '$t3', 'transition', null],
			[7, '$n1', 'note', null],
			[8, '$l1', 'link', null],
			[9, '$bad', 'rejected', 'malformed'],
			[10, '$x1', 'transition', null],
			[11, '$t4', 'transition', null],
		]);
		expect(s.eventLog[8]?.rejectionReason).toMatch(/org\.rogatory\.case\.text/);
		expect(s.eventLog[0]?.prevHash).toBe(GENESIS);
		expect(s.eventLog[1]?.prevHash).toBe(s.eventLog[0]?.hash);
		expect(s.eventLog[0]?.hash).toMatch(/^[0-9a-f]{64}$/);

		expect(s.cases).toEqual([
			expect.objectContaining({
				roomId: ROOM,
				opened: true,
				kind: 'mla',
				workflow: 'mla.v1',
				requesting: 'gt-mp',
				requested: 'ng-ca',
				requestingReference: 'MP-FECO-2025-0113',
				requestedReference: 'CA/MLA/2025/041',
				status: 'under-execution',
				terminal: false,
				urgency: 'urgent',
				channel: 'formal',
				respondBy: '2026-03-31',
				openedBy: ANA,
				openedAt: 1000,
				lastChangeAt: 5000,
				head: '$t4',
				notes: 1,
				openConflict: false,
				rejectedCount: 2,
			}),
		]);
		expect(s.parties.map((p) => [p.side, p.authority, p.country, p.reference])).toEqual([
			['requested', 'ng-ca', 'NG', 'CA/MLA/2025/041'],
			['requesting', 'gt-mp', 'GT', 'MP-FECO-2025-0113'],
		]);
		expect(s.transitions.map((t) => [t.position, t.eventId, t.fromStatus, t.toStatus, t.side, t.at])).toEqual([
			[1, '$t1', 'draft', 'sent', 'requesting', 2000],
			[2, '$t2', 'sent', 'received', 'requested', 3000],
			[3, '$t3', 'received', 'accepted', 'requested', 4000],
			[4, '$t4', 'accepted', 'under-execution', 'requested', 5000],
		]);
		expect(s.amendments.map((a) => [a.eventId, a.changes, a.previous])).toEqual([
			['$a1', '{"respondBy":"2026-03-31"}', '{}'],
			['$a2', '{"requestedReference":"CA/MLA/2025/041"}', '{}'],
		]);
		expect(s.links.map((l) => [l.relation, l.end, l.target])).toEqual([['preservation-mla', 'later', OTHER_ROOM]]);
		expect(s.rejections.map((r) => [r.eventId, r.code])).toEqual([
			['$bad', 'malformed'],
			['$x1', 'not-a-party'],
		]);
		expect(must(register.readCheckpoint())).toEqual({ syncToken: 'sync-1', store: new Uint8Array([7, 8, 9]) });
		register.close();
	});

	it('records a room without an opening as unopened, and re-folds it when the opening arrives', () => {
		const register = open(temp.file('r.db'));
		const [opening, ...rest] = OTHER_HISTORY;
		must(register.ingest(batch(rest)));
		expect(must(register.snapshot()).cases).toEqual([expect.objectContaining({ roomId: OTHER_ROOM, opened: false, rejectedCount: 1 })]);
		expect(must(register.snapshot()).rejections.map((r) => r.code)).toEqual(['no-opening']);
		must(register.ingest(batch([opening!])));
		const s = must(register.snapshot());
		expect(s.cases).toEqual([expect.objectContaining({ opened: true, status: 'sent', requesting: 'ng-ca', rejectedCount: 0 })]);
		expect(s.rejections).toEqual([]);
		expect(s.eventLog.map((r) => r.eventId)).toEqual(['$b1', '$open-b']);
		register.close();
	});

	it('records invitations once, whatever the number of deliveries', () => {
		const register = open(temp.file('r.db'));
		const invitation = { room: ROOM, inviter: ANA, decision: 'refused', reason: 'outside the networks', at: 900 } as const;
		const withInvitation = { ...batch([]), invitations: [invitation, invitation] };
		expect(must(register.ingest(withInvitation)).invitations).toBe(1);
		expect(must(register.ingest(withInvitation)).invitations).toBe(0);
		expect(must(register.snapshot()).invitations).toEqual([
			{ seq: 1, roomId: ROOM, inviter: ANA, decision: 'refused', reason: 'outside the networks', at: 900 },
		]);
		register.close();
	});

	it('refuses a batch whose checkpoint is not what the Matrix side promised', () => {
		const register = open(temp.file('r.db'));
		const refused = register.ingest({ ...batch(MLA_HISTORY), checkpoint: { syncToken: 5 as never, store: new Uint8Array() } });
		expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_BATCH' } });
		expect(must(register.snapshot()).eventLog).toEqual([]);
		register.close();
	});
});

describe('undecryptable events', () => {
	it('records them once, and forgets one that arrives decrypted later', () => {
		const register = open(temp.file('r.db'));
		const lost = (eventId: string) => ({ room: ROOM, eventId, sender: ANA, originServerTs: 2000, reason: 'no room key' });
		const first = must(register.ingest({ ...batch([]), undecryptable: [lost('$t1'), lost('$gone'), lost('$gone')] }));
		expect(first.undecryptable).toBe(2);
		expect(must(register.snapshot()).undecryptable.map((u) => u.eventId)).toEqual(['$gone', '$t1']);
		must(register.ingest(batch(MLA_HISTORY.slice(0, 2))));
		expect(must(register.snapshot()).undecryptable).toEqual([
			{ eventId: '$gone', roomId: ROOM, sender: ANA, originServerTs: 2000, reason: 'no room key' },
		]);
		// Reported again after it was logged (a replayed batch): stays forgotten.
		expect(must(register.ingest({ ...batch([]), undecryptable: [lost('$t1')] })).undecryptable).toBe(0);
		register.close();
	});
});

describe('the batch sink face', () => {
	it('loads the checkpoint and commits batches, with errors as strings', () => {
		const register = open(temp.file('r.db'));
		const sink = registerSink(register);
		expect(sink.load()).toBeUndefined();
		expect(sink.commit(batch(MLA_HISTORY, 'x1'))).toEqual({ ok: true, value: undefined });
		expect(sink.load()?.syncToken).toBe('x1');
		const refused = sink.commit({ ...batch([{ ...MLA_HISTORY[0]!, room: 'not a room' }]) });
		expect(refused).toEqual({ ok: false, error: expect.stringContaining('is not a room ID') as string });
		register.close();
	});
});
