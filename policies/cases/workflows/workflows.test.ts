import { describe, expect, it } from 'vitest';
import { status, workflowId } from '../ids/codes.ts';
import { REQUEST_KINDS } from '../vocabulary/request.ts';
import { allowedTransitions, findRule } from './allowed.ts';
import { EXTRADITION_WORKFLOW } from './extradition.ts';
import { MLA_WORKFLOW } from './mla.ts';
import { DEFAULT_WORKFLOWS, defaultWorkflowFor, workflowRegistry } from './registry.ts';
import { tuneWorkflow } from './tune.ts';
import { validateWorkflow } from './validate.ts';

const moves = (w = MLA_WORKFLOW, from: string, side: 'requesting' | 'requested') =>
	allowedTransitions(w, status(from), side).map((t) => t.to);

describe('default workflows', () => {
	it('are valid and cover every request kind exactly once', () => {
		expect(workflowRegistry(DEFAULT_WORKFLOWS).ok).toBe(true);
		for (const kind of REQUEST_KINDS) expect(DEFAULT_WORKFLOWS.filter((w) => w.kinds.includes(kind))).toHaveLength(1);
		expect(defaultWorkflowFor('extradition').id).toBe('extradition.v1');
		expect(defaultWorkflowFor('preservation').id).toBe('generic.v1');
	});

	it('let each side make only its own MLA moves', () => {
		expect(moves(MLA_WORKFLOW, 'sent', 'requested')).toEqual(['received', 'returned', 'forwarded']);
		expect(moves(MLA_WORKFLOW, 'sent', 'requesting')).toEqual(['withdrawn']);
		expect(moves(MLA_WORKFLOW, 'additional-info-requested', 'requesting')).toEqual(['info-provided', 'withdrawn']);
		expect(moves(MLA_WORKFLOW, 'closed', 'requested')).toEqual([]);
	});

	it('require reasons for refusal and postponement (UNTOC art. 18(23), 18(25))', () => {
		expect(findRule(MLA_WORKFLOW, status('under-execution'), status('refused'))?.reason).toBe('required');
		expect(findRule(MLA_WORKFLOW, status('under-execution'), status('postponed'))?.reason).toBe('required');
		expect(findRule(MLA_WORKFLOW, status('sent'), status('received'))?.reason).toBe('optional');
	});

	it('model the extradition path from provisional arrest to surrender', () => {
		const path = [
			'draft',
			'provisional-arrest-requested',
			'person-arrested',
			'formal-request-received',
			'contested',
			'judicial-phase',
			'granted',
			'surrender-scheduled',
			'surrendered',
			'closed',
		];
		for (let i = 1; i < path.length; i++) expect(findRule(EXTRADITION_WORKFLOW, status(path[i - 1]!), status(path[i]!))).toBeDefined();
	});
});

describe('validateWorkflow', () => {
	it('reports every problem with its key', () => {
		const broken = {
			...MLA_WORKFLOW,
			id: workflowId('broken.v1'),
			statuses: [...MLA_WORKFLOW.statuses, status('limbo')],
			transitions: [
				...MLA_WORKFLOW.transitions,
				{ from: status('closed'), to: status('draft'), by: [], reason: 'optional' as const },
				{ from: status('ghost'), to: status('sent'), by: ['requesting' as const], reason: 'optional' as const },
			],
		};
		const result = validateWorkflow(broken);
		expect(result.ok).toBe(false);
		expect(!result.ok && result.error).toEqual(
			expect.arrayContaining([
				expect.stringMatching(/^broken\.v1\.transitions\[\d+\]\.by: at least one side/),
				expect.stringMatching(/^broken\.v1\.transitions\[\d+\]\.from: "closed" is terminal/),
				expect.stringMatching(/^broken\.v1\.transitions\[\d+\]\.from: "ghost" is not one of the statuses/),
				'broken.v1.statuses: "limbo" cannot be reached from "draft"',
				'broken.v1.statuses: "limbo" has no way to a terminal status',
			]),
		);
	});
});

describe('tuneWorkflow', () => {
	const escalated = { en: 'Escalated', es: 'Elevada', fr: 'Transmise', pt: 'Remetido', ru: 'Передан' };

	it('adds statuses and moves, removes moves, under a new id', () => {
		const tuned = tuneWorkflow(MLA_WORKFLOW, {
			id: workflowId('mla.refco.v1'),
			addStatuses: [status('escalated')],
			labels: { escalated },
			add: [
				{ from: status('received'), to: status('escalated'), by: ['requested'], reason: 'required' },
				{ from: status('escalated'), to: status('accepted'), by: ['requested'], reason: 'optional' },
				{ from: status('sent'), to: status('received'), by: ['requested', 'requesting'], reason: 'optional' },
			],
			remove: [{ from: status('returned'), to: status('sent') }],
		});
		expect(tuned.ok).toBe(true);
		if (!tuned.ok) return;
		expect(moves(tuned.value, 'received', 'requested')).toContain('escalated');
		expect(moves(tuned.value, 'sent', 'requesting')).toContain('received');
		expect(moves(tuned.value, 'returned', 'requesting')).not.toContain('sent');
		expect(moves(MLA_WORKFLOW, 'returned', 'requesting')).toContain('sent');
	});

	it('refuses a tuning that keeps the base id, lacks labels or breaks the workflow', () => {
		expect(tuneWorkflow(MLA_WORKFLOW, { id: MLA_WORKFLOW.id }).ok).toBe(false);
		expect(tuneWorkflow(MLA_WORKFLOW, { id: workflowId('mla.x.v1'), addStatuses: [status('escalated')] })).toEqual({
			ok: false,
			error: ['mla.x.v1.labels.escalated: an added status needs labels in all five languages'],
		});
		const blank = tuneWorkflow(MLA_WORKFLOW, {
			id: workflowId('mla.x.v1'),
			addStatuses: [status('escalated')],
			labels: { escalated: { ...escalated, ru: ' ' } },
		});
		expect(blank.ok).toBe(false);
		const stranded = tuneWorkflow(MLA_WORKFLOW, { id: workflowId('mla.x.v1'), addStatuses: [status('escalated')], labels: { escalated } });
		expect(!stranded.ok && stranded.error).toContain('mla.x.v1.statuses: "escalated" cannot be reached from "draft"');
	});
});
