// The conflict model: two valid transitions following the same predecessor
// hold the case at the predecessor until a settlement names the one that stands.
import { describe, expect, it } from 'vitest';
import { status } from '../ids/codes.ts';
import type { TransitionId } from '../ids/case.ts';
import { AIGERIM, AMINA, ANA, CONTEXT, envelope, move, opening, ROOT, TUNDE } from '../testing/fixtures.ts';
import { foldCase } from './fold.ts';
import type { CaseEventEnvelope, OpenedCase } from './types.ts';

const fold = (events: CaseEventEnvelope[]) => foldCase(events, CONTEXT) as OpenedCase;
const settle = (id: string, ts: number, chosen: string, to: string, who = ANA, conflictAt = '$t2') =>
	envelope(id, who, ts, {
		type: 'settled',
		conflictAt: conflictAt as TransitionId,
		chosen: chosen as TransitionId,
		to: status(to),
		reason: 'Agreed on a call',
	});

// Received; then Amina accepts while Tunde asks for more information, and Amina goes on to execute.
const base = [
	opening(),
	envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
	envelope('$t2', AMINA, 3000, move('$t1', 'sent', 'received')),
	envelope('$ta', AMINA, 4000, move('$t2', 'received', 'accepted')),
	envelope('$tb', TUNDE, 4000, move('$t2', 'received', 'additional-info-requested', 'Account holders?')),
	envelope('$ta2', AMINA, 5000, move('$ta', 'accepted', 'under-execution')),
];

describe('conflicting transitions', () => {
	it('hold the case at the common predecessor, with both branches and their followers', () => {
		const record = fold(base);
		expect(record.status).toBe('received');
		expect(record.head).toBe('$t2');
		expect(record.openConflict).toBeDefined();
		expect(record.openConflict?.branches.map((b) => [b.transition.id, b.transition.to, b.followers])).toEqual([
			['$ta', 'accepted', ['$ta2']],
			['$tb', 'additional-info-requested', []],
		]);
		expect(record.rejected).toEqual([]);
	});

	it('are settled by naming the transition that stands; the other branch is overruled', () => {
		const record = fold([...base, settle('$s1', 6000, '$tb', 'additional-info-requested')]);
		expect(record.status).toBe('additional-info-requested');
		expect(record.head).toBe('$tb');
		expect(record.openConflict).toBeUndefined();
		expect(record.conflicts[0]?.settlement).toMatchObject({ eventId: '$s1', chosen: '$tb', by: ANA, side: 'requesting' });
		expect(record.rejected.map((r) => [r.eventId, r.code])).toEqual([
			['$ta', 'overruled'],
			['$ta2', 'overruled'],
		]);
	});

	it('continue along the chosen branch, followers included', () => {
		const record = fold([...base, settle('$s1', 6000, '$ta', 'accepted')]);
		expect(record.status).toBe('under-execution');
		expect(record.statusHistory.map((c) => c.id)).toEqual(['$t1', '$t2', '$ta', '$ta2']);
	});

	it('take the first valid settlement in the total order; later ones are refused', () => {
		const record = fold([
			...base,
			settle('$s2', 6001, '$tb', 'additional-info-requested', AMINA),
			settle('$s1', 6000, '$ta', 'accepted'),
			settle('$s3', 6002, '$ta', 'accepted', TUNDE),
		]);
		expect(record.status).toBe('under-execution');
		expect(record.rejected.filter((r) => r.code === 'already-settled').map((r) => [r.eventId, r.reason])).toEqual([
			['$s2', 'the conflict after $t2 was already settled by $s1'],
			['$s3', 'the conflict after $t2 was already settled by $s1 with the same choice'],
		]);
	});

	it('refuse settlements that do not fit the conflict', () => {
		const record = fold([
			...base,
			settle('$x1', 6000, '$t1', 'sent'),
			settle('$x2', 6001, '$ta', 'executed'),
			settle('$x3', 6002, '$ta', 'accepted', AIGERIM),
			settle('$x4', 6003, '$t2', 'received', ANA, '$t1'),
			settle('$x5', 6004, '$zz', 'received', ANA, '$ta'),
		]);
		expect(record.openConflict).toBeDefined();
		expect(record.rejected.map((r) => [r.eventId, r.code])).toEqual([
			['$x1', 'not-a-candidate'],
			['$x2', 'settle-mismatch'],
			['$x3', 'not-a-party'],
			['$x4', 'no-conflict'],
			['$x5', 'unreached'],
		]);
	});

	it('ignore an invalid sibling: only valid transitions conflict', () => {
		const record = fold([...base.slice(0, 4), envelope('$bad', ANA, 4000, move('$t2', 'received', 'accepted'))]);
		expect(record.status).toBe('accepted');
		expect(record.conflicts).toEqual([]);
		expect(record.rejected.map((r) => [r.eventId, r.code])).toEqual([['$bad', 'wrong-side']]);
	});

	it('refuse transitions that follow nothing in the chain', () => {
		const record = fold([
			...base.slice(0, 3),
			envelope('$orphan', AMINA, 4000, move('$missing', 'received', 'accepted')),
			envelope('$loop', AMINA, 4000, move('$loop', 'received', 'accepted')),
		]);
		expect(record.rejected.map((r) => [r.eventId, r.code])).toEqual([
			['$loop', 'unreachable'],
			['$orphan', 'unreachable'],
		]);
	});
});
