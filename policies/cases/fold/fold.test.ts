import { describe, expect, it } from 'vitest';
import { KAZAKHSTAN, NIGERIA } from '../../roster/testing/demo.ts';
import { workflowId } from '../ids/codes.ts';
import type { EventId } from '../ids/matrix.ts';
import {
	AIGERIM,
	AMINA,
	ANA,
	authority,
	CONTEXT,
	envelope,
	move,
	OPENED,
	OTHER_ROOM,
	opening,
	ROOM,
	ROOT,
	TUNDE,
	user,
} from '../testing/fixtures.ts';
import { foldCase } from './fold.ts';
import type { CaseEventEnvelope, CaseRecord, OpenedCase } from './types.ts';

function opened(record: CaseRecord): OpenedCase {
	if (!record.opened) throw new Error(`not opened: ${JSON.stringify(record.rejected)}`);
	return record;
}

const fold = (events: CaseEventEnvelope[]) => opened(foldCase(events, CONTEXT));
const codes = (record: CaseRecord) => record.rejected.map((r) => [r.eventId, r.code]);

describe('foldCase', () => {
	it('follows a request from opening to execution', () => {
		const record = fold([
			opening(),
			envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
			envelope('$t2', AMINA, 3000, move('$t1', 'sent', 'received')),
			envelope('$t3', TUNDE, 4000, move('$t2', 'received', 'additional-info-requested', 'Please send the account numbers')),
			envelope('$t4', ANA, 5000, move('$t3', 'additional-info-requested', 'info-provided')),
		]);
		expect(record.status).toBe('info-provided');
		expect(record.head).toBe('$t4');
		expect(record.statusHistory.map((c) => [c.from, c.to, c.side, c.by])).toEqual([
			['draft', 'sent', 'requesting', ANA],
			['sent', 'received', 'requested', AMINA],
			['received', 'additional-info-requested', 'requested', TUNDE],
			['additional-info-requested', 'info-provided', 'requesting', ANA],
		]);
		expect(record.statusHistory[2]).toMatchObject({ id: '$t3', follows: '$t2', reason: 'Please send the account numbers', at: 4000 });
		expect(record.parties).toEqual({ requesting: 'gt-mp', requested: 'ng-ca' });
		expect(record.references).toEqual({ requesting: 'MP-FECO-2025-0113' });
		expect(record.rejected).toEqual([]);
	});

	it('refuses moves of the wrong side, not in the workflow, from a stale status, or without a required reason', () => {
		const record = fold([
			opening(),
			envelope('$t1', AMINA, 2000, move(ROOT, 'draft', 'sent')),
			envelope('$t2', ANA, 2001, move(ROOT, 'draft', 'executed')),
			envelope('$t3', ANA, 2002, move(ROOT, 'sent', 'received')),
			envelope('$t4', ANA, 2003, move(ROOT, 'draft', 'sent')),
			envelope('$t5', AMINA, 3000, move('$t4', 'sent', 'returned')),
			envelope('$t6', AMINA, 3001, move('$t1', 'sent', 'received')),
		]);
		expect(codes(record)).toEqual([
			['$t1', 'wrong-side'],
			['$t2', 'not-allowed'],
			['$t3', 'stale-from'],
			['$t5', 'reason-required'],
			['$t6', 'follows-rejected'],
		]);
		expect(record.status).toBe('sent');
		expect(record.rejected.find((r) => r.eventId === '$t2')?.reason).toBe('draft → executed is not a move of workflow mla.v1');
	});

	it('refuses events from outside the parties, before the opening, and a second opening', () => {
		const record = fold([
			envelope('$early', ANA, 500, { type: 'note', text: 'too early' }),
			opening(),
			envelope('$second', AMINA, 1500, { ...OPENED, requesting: NIGERIA.id, requested: authority('gt-mp') }),
			envelope('$kz', AIGERIM, 2000, { type: 'note', text: 'not a party' }),
			envelope('$kzt', AIGERIM, 2000, move(ROOT, 'draft', 'sent')),
			envelope('$n', AMINA, 2100, { type: 'note', text: 'fine' }),
		]);
		expect(codes(record)).toEqual([
			['$early', 'before-opening'],
			['$second', 'second-opening'],
			['$kz', 'not-a-party'],
			['$kzt', 'not-a-party'],
		]);
		expect(record.notes).toBe(1);
	});

	it('keeps the requested side’s acknowledgements, each person’s first, and refuses the requesting side’s', () => {
		const record = fold([
			opening(),
			envelope('$a2', AMINA, 3000, { type: 'acknowledged' }),
			envelope('$a1', AMINA, 2000, { type: 'acknowledged' }),
			envelope('$aa', ANA, 2500, { type: 'acknowledged' }),
			envelope('$akz', AIGERIM, 2600, { type: 'acknowledged' }),
		]);
		expect(codes(record)).toEqual([
			['$aa', 'wrong-side'],
			['$akz', 'not-a-party'],
		]);
		expect(record.acknowledgements).toEqual([{ eventId: '$a1', by: AMINA, side: 'requested', at: 2000 }]);
		expect(record.notes).toBe(0);
	});

	it('stays unopened, listing everything, until a valid opening arrives', () => {
		const record = foldCase(
			[
				envelope('$o1', AIGERIM, 1000, OPENED),
				envelope('$o2', ANA, 1001, { ...OPENED, workflow: workflowId('mla.future.v9') }),
				envelope('$o3', ANA, 1002, { ...OPENED, kind: 'extradition' }),
				envelope('$o4', ANA, 1003, { ...OPENED, requested: KAZAKHSTAN.id, requesting: KAZAKHSTAN.id }),
				envelope('$o5', ANA, 1004, { ...OPENED, requested: authority('zz-none') }),
				envelope('$t1', ANA, 2000, move('$o1', 'draft', 'sent')),
			],
			CONTEXT,
		);
		expect(record.opened).toBe(false);
		expect(codes(record)).toEqual([
			['$o1', 'not-a-party'],
			['$o2', 'unknown-workflow'],
			['$o3', 'kind-mismatch'],
			['$o4', 'same-authority'],
			['$o5', 'unknown-authority'],
			['$t1', 'no-opening'],
		]);
	});

	it('applies amendments in order, checks who may amend what, and keeps the history', () => {
		const record = fold([
			opening(),
			envelope('$a1', ANA, 2000, { type: 'amended', changes: { urgency: 'immediate' }, reason: 'Flight booked' }),
			envelope('$a2', AMINA, 2100, { type: 'amended', changes: { requestedReference: 'CA/MLA/2025/041' as never }, reason: 'Registered' }),
			envelope('$a3', AMINA, 2200, { type: 'amended', changes: { urgency: 'routine' }, reason: 'Not urgent for us' }),
			envelope('$a4', AMINA, 2300, { type: 'amended', changes: { requestingReference: 'X-1' as never }, reason: 'Typo' }),
			envelope('$a5', ANA, 2400, { type: 'amended', changes: { respondBy: '2026-03-31' }, reason: 'Trial date set' }),
			envelope('$a6', AMINA, 2500, { type: 'amended', changes: { respondBy: '2026-06-30' }, reason: 'We need more time' }),
		]);
		expect(record.fields.respondBy).toBe('2026-03-31');
		expect(record.fields.urgency).toBe('immediate');
		expect(record.references).toEqual({ requesting: 'MP-FECO-2025-0113', requested: 'CA/MLA/2025/041' });
		expect(record.amendments.map((a) => [a.eventId, a.changes, a.previous])).toEqual([
			['$a1', { urgency: 'immediate' }, { urgency: 'urgent' }],
			['$a2', { requestedReference: 'CA/MLA/2025/041' }, {}],
			['$a5', { respondBy: '2026-03-31' }, {}],
		]);
		expect(codes(record)).toEqual([
			['$a3', 'wrong-side'],
			['$a4', 'wrong-side'],
			['$a6', 'wrong-side'],
		]);
	});

	it('adds and removes links, refusing a link to itself or the removal of a missing link', () => {
		const link = { type: 'link', relation: 'preservation-mla', end: 'later', target: OTHER_ROOM } as const;
		const record = fold([
			opening(),
			envelope('$l1', ANA, 2000, link),
			envelope('$l2', AMINA, 2100, { type: 'link', relation: 'related', target: OTHER_ROOM }),
			envelope('$l3', ANA, 2200, { ...link, removed: true }),
			envelope('$l4', ANA, 2300, { ...link, removed: true }),
			envelope('$l5', ANA, 2400, { type: 'link', relation: 'related', target: ROOM }),
		]);
		expect(record.links.map((l) => [l.relation, l.target, l.eventId])).toEqual([['related', OTHER_ROOM, '$l2']]);
		expect(codes(record)).toEqual([
			['$l4', 'not-linked'],
			['$l5', 'self-link'],
		]);
	});

	it('skips chat messages, collapses repeated deliveries and refuses clashing event IDs', () => {
		const chat = { eventId: '$chat' as EventId, sender: AMINA, originServerTs: 1500, content: { msgtype: 'm.text', body: 'Hello' } };
		const t1 = envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent'));
		const record = fold([
			opening(),
			chat,
			t1,
			t1,
			{ ...t1 },
			envelope('$n', ANA, 2100, { type: 'note', text: 'a' }),
			envelope('$n', ANA, 2100, { type: 'note', text: 'b' }),
		]);
		expect(record.statusHistory).toHaveLength(1);
		expect(record.notes).toBe(0);
		expect(codes(record)).toEqual([['$n', 'duplicate-event-id']]);
	});

	it('refuses broken envelopes instead of throwing', () => {
		const bad = [
			null,
			7,
			{ eventId: 'nope', sender: ANA, originServerTs: 1, content: {} },
			{ eventId: '$x', sender: 'ana', originServerTs: 1, content: {} },
			{ eventId: '$y', sender: ANA, originServerTs: -1, content: {} },
		];
		const record = foldCase([opening(), ...(bad as never[])], CONTEXT);
		expect(record.rejected.map((r) => r.code)).toEqual(Array(5).fill('invalid-envelope'));
	});

	it('maps senders to sides through the context, e.g. IP-literal server names of the local federation', () => {
		const servers = new Map([
			['127.0.20.1:28448', authority('gt-mp')],
			['127.0.20.2:28448', authority('ng-ca')],
		]);
		const local = user('ana.lopez', '127.0.20.1:28448');
		const record = opened(
			foldCase([opening(1000, local), envelope('$t1', local, 2000, move(ROOT, 'draft', 'sent'))], { ...CONTEXT, servers }),
		);
		expect(record.statusHistory[0]?.side).toBe('requesting');
	});
});
