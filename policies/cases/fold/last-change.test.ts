import { describe, expect, it } from 'vitest';
import { foldCase, type OpenedCase, type TransitionId } from '../index.ts';
import { status } from '../ids/codes.ts';
import { AMINA, ANA, CONTEXT, envelope, move, opening, OTHER_ROOM, ROOT } from '../testing/fixtures.ts';
import { lastChangeOf } from './last-change.ts';

const fold = (...events: Parameters<typeof foldCase>[0]): OpenedCase => {
	const record = foldCase(events, CONTEXT);
	if (!record.opened) throw new Error('not opened');
	return record;
};

describe('lastChangeOf', () => {
	it('is the opening for a request nothing happened to', () => {
		expect(lastChangeOf(fold(opening(1000)))).toBe(1000);
	});

	it('counts moves, amendments, links and settlements, not notes', () => {
		const sent = envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent'));
		expect(lastChangeOf(fold(opening(1000), sent))).toBe(2000);
		const amended = envelope('$a1', ANA, 3000, { type: 'amended', changes: { respondBy: '2026-03-31' }, reason: 'r' });
		expect(lastChangeOf(fold(opening(1000), sent, amended))).toBe(3000);
		const linked = envelope('$l1', ANA, 4000, { type: 'link', relation: 'preservation-mla', end: 'later', target: OTHER_ROOM });
		expect(lastChangeOf(fold(opening(1000), sent, amended, linked))).toBe(4000);
		const noted = envelope('$n1', AMINA, 5000, { type: 'note', text: 'Called the bank.' });
		expect(lastChangeOf(fold(opening(1000), sent, amended, linked, noted))).toBe(4000);
	});

	it('counts a settlement of a conflict', () => {
		const a = envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent'));
		const b = envelope('$t2', ANA, 2000, move(ROOT, 'draft', 'withdrawn'));
		const settled = envelope('$s1', ANA, 6000, {
			type: 'settled',
			conflictAt: ROOT,
			chosen: '$t1' as TransitionId,
			to: status('sent'),
			reason: 'r',
		});
		expect(lastChangeOf(fold(opening(1000), a, b))).toBe(1000);
		expect(lastChangeOf(fold(opening(1000), a, b, settled))).toBe(6000);
	});
});
