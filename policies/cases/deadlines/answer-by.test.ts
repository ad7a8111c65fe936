import { describe, expect, it } from 'vitest';
import { status, workflowId } from '../ids/codes.ts';
import { DEFAULT_REGISTRY } from '../workflows/registry.ts';
import { EXTRADITION_WORKFLOW } from '../workflows/extradition.ts';
import { GENERIC_WORKFLOW } from '../workflows/generic.ts';
import { MLA_WORKFLOW } from '../workflows/mla.ts';
import { isAnswered } from '../workflows/answered.ts';
import { daysLeft, isOverdue, pendingAnswerBy } from './answer-by.ts';
import { calendarDate } from './calendar-date.ts';

const answeredIn = (w: typeof MLA_WORKFLOW) => w.statuses.filter((s) => isAnswered(w, s));

describe('isAnswered', () => {
	it('takes the outcomes of the default workflows, not only closing the file', () => {
		expect(answeredIn(MLA_WORKFLOW)).toEqual(['executed', 'refused', 'withdrawn', 'forwarded', 'closed']);
		expect(answeredIn(EXTRADITION_WORKFLOW)).toEqual(['surrendered', 'refused', 'withdrawn', 'closed']);
		expect(answeredIn(GENERIC_WORKFLOW)).toEqual(['completed', 'refused', 'withdrawn', 'closed']);
	});

	it('leaves a request open while it can still move on (a partial execution, a returned request)', () => {
		expect(isAnswered(MLA_WORKFLOW, status('partially-executed'))).toBe(false);
		expect(isAnswered(MLA_WORKFLOW, status('returned'))).toBe(false);
		expect(isAnswered(EXTRADITION_WORKFLOW, status('granted'))).toBe(false);
	});
});

describe('the answer-by date', () => {
	const mla = (s: string, respondBy?: string) => ({ workflow: MLA_WORKFLOW.id, status: status(s), respondBy });

	it('is overdue from the day after it, until the request is answered', () => {
		expect(isOverdue(mla('received', '2026-03-10'), DEFAULT_REGISTRY, '2026-03-10')).toBe(false);
		expect(isOverdue(mla('received', '2026-03-10'), DEFAULT_REGISTRY, '2026-03-11')).toBe(true);
		expect(isOverdue(mla('executed', '2026-03-10'), DEFAULT_REGISTRY, '2026-03-11')).toBe(false);
		expect(isOverdue(mla('received'), DEFAULT_REGISTRY, '2026-03-11')).toBe(false);
	});

	it('stands for a workflow the reader does not know: a deadline never falls silent', () => {
		const unknown = { workflow: workflowId('mla.elsewhere.v9'), status: status('closed'), respondBy: '2026-03-10' };
		expect(pendingAnswerBy(unknown, DEFAULT_REGISTRY)).toBe('2026-03-10');
	});

	it('counts whole calendar days, across a month end', () => {
		expect(daysLeft('2026-02-27', '2026-03-02')).toBe(3);
		expect(daysLeft('2026-03-02', '2026-02-27')).toBe(-3);
	});
});

describe('calendarDate', () => {
	it('is the date on the calendar of the zone asked for', () => {
		const instant = Date.parse('2026-03-10T02:30:00Z');
		expect(calendarDate(instant, 'UTC')).toBe('2026-03-10');
		expect(calendarDate(instant, 'America/Guatemala')).toBe('2026-03-09');
		expect(calendarDate(instant, 'Asia/Almaty')).toBe('2026-03-10');
		expect(calendarDate(new Date(Date.UTC(2026, 5, 1, 3)), 'America/Guatemala')).toBe('2026-05-31');
	});
});
