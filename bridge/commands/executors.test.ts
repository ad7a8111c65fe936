import { describe, expect, it } from 'vitest';
import { foldCase, type OpenedCase } from '../../policies/cases/index.ts';
import { AIGERIM, AMINA, ANA, CONTEXT, envelope, move, opening, ROOT } from '../../policies/cases/testing/fixtures.ts';
import { DEFAULT_REGISTRY } from '../../policies/cases/index.ts';
import { deadlinesOf, respondBy } from './deadlines.ts';
import { deadlinesCommand, execute, helpCommand, statusCommand } from './executors.ts';

const opened = (extra: Parameters<typeof foldCase>[0] = []) => {
	const record = foldCase([opening(), ...extra], CONTEXT);
	if (!record.opened) throw new Error('fixture does not open');
	return record;
};

describe('statusCommand', () => {
	it('summarises an opened request: kind, parties, references, status, last change, rejected events', () => {
		const record = opened([
			envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
			envelope('$a1', AMINA, 3500, { type: 'amended', changes: { requestedReference: 'CA/1' as never }, reason: 'Ours' }),
			envelope('$x', AIGERIM, 4000, move('$t1', 'sent', 'received')),
		]);
		expect(statusCommand({ record })).toEqual({
			command: 'status',
			opened: true,
			kind: 'mla',
			title: 'Bank records, Operación Cóndor',
			parties: { requesting: 'gt-mp', requested: 'ng-ca' },
			references: { requesting: 'MP-FECO-2025-0113', requested: 'CA/1' },
			status: 'sent',
			lastChange: 3500,
			rejected: 1,
		});
	});

	it('names an open conflict with the competing targets', () => {
		const record = opened([
			envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent')),
			envelope('$t2', AMINA, 3000, move('$t1', 'sent', 'received')),
			envelope('$c1', AMINA, 4000, move('$t2', 'received', 'accepted')),
			envelope('$c2', AMINA, 4001, move('$t2', 'received', 'returned', 'Missing translation')),
		]);
		const reply = statusCommand({ record });
		expect(reply).toMatchObject({ status: 'received', openConflict: { status: 'received', targets: ['accepted', 'returned'] } });
	});

	it('says when no request is opened, with the events refused so far', () => {
		const record = foldCase([envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent'))], CONTEXT);
		expect(statusCommand({ record })).toEqual({ command: 'status', opened: false, rejected: 1 });
	});
});

describe('deadlinesCommand', () => {
	it('counts days left from today, overdue ones negative, nearest first', () => {
		const reply = deadlinesCommand({
			today: '2026-03-20',
			deadlines: [
				{ kind: 'respond-by', date: '2026-03-31' },
				{ kind: 'respond-by', date: '2026-03-18' },
				{ kind: 'respond-by', date: '2026-03-20' },
			],
		});
		expect(reply.deadlines.map((d) => [d.date, d.daysLeft])).toEqual([
			['2026-03-18', -2],
			['2026-03-20', 0],
			['2026-03-31', 11],
		]);
	});

	it('counts across a daylight-saving change and a leap day as whole days', () => {
		expect(deadlinesCommand({ today: '2028-02-28', deadlines: [{ kind: 'respond-by', date: '2028-03-27' }] }).deadlines[0]?.daysLeft).toBe(
			28,
		);
	});
});

describe('the answer-by deadline source', () => {
	const withDate = (extra: Parameters<typeof foldCase>[0] = []): OpenedCase =>
		opened([envelope('$a1', ANA, 1500, { type: 'amended', changes: { respondBy: '2026-03-31' }, reason: 'Trial date' }), ...extra]);

	it('gives the requesting side’s answer-by date while the request is unanswered', () => {
		expect(deadlinesOf(withDate(), [respondBy], { workflows: DEFAULT_REGISTRY })).toEqual([{ kind: 'respond-by', date: '2026-03-31' }]);
		expect(deadlinesOf(opened(), [respondBy], { workflows: DEFAULT_REGISTRY })).toEqual([]);
	});

	it('gives nothing once the request is withdrawn', () => {
		const record = withDate([envelope('$w', ANA, 2000, move(ROOT, 'draft', 'withdrawn'))]);
		expect(record.status).toBe('withdrawn');
		expect(deadlinesOf(record, [respondBy], { workflows: DEFAULT_REGISTRY })).toEqual([]);
	});

	it('takes every source, so later sources add to the list', () => {
		const extra = () => [{ kind: 'respond-by' as const, date: '2026-01-01' }];
		expect(deadlinesOf(withDate(), [respondBy, extra], { workflows: DEFAULT_REGISTRY })).toHaveLength(2);
	});
});

describe('execute', () => {
	const record = opened();
	const roster = { version: 7, sha256: 'ab'.repeat(32) };
	const context = { record, today: '2026-01-01', deadlines: [], mayApprove: true, changes: [], eventId: '$cmd', roster };

	it('runs the asked command, and help for an unknown one', () => {
		expect(execute({ name: 'status' }, context).command).toBe('status');
		expect(execute({ name: 'deadlines' }, context)).toEqual({ command: 'deadlines', deadlines: [] });
		expect(execute({ name: 'help' }, context)).toEqual(helpCommand({ roster }));
		expect(execute({ name: 'unknown', word: 'x' }, context)).toEqual({
			command: 'help',
			commands: ['status', 'deadlines', 'help', 'trust'],
			roster,
			unknown: 'x',
		});
	});

	it('says what an identity approval did: approved by this command, nothing to approve, or not for this sender', () => {
		const changes = [
			{ firstSeenAt: 10, approvalEventId: '$earlier' },
			{ firstSeenAt: 20, approvalEventId: '$cmd' },
		];
		expect(execute({ name: 'trust', user: '@m:hs' }, { ...context, changes })).toEqual({
			command: 'trust',
			outcome: 'approved',
			user: '@m:hs',
			since: 20,
		});
		expect(execute({ name: 'trust', user: '@m:hs' }, { ...context, changes: changes.slice(0, 1) })).toMatchObject({ outcome: 'nothing' });
		expect(execute({ name: 'trust', user: undefined }, context)).toMatchObject({ outcome: 'no-user' });
		expect(execute({ name: 'trust', user: '@m:hs' }, { ...context, changes, mayApprove: false })).toMatchObject({ outcome: 'not-allowed' });
	});
});
