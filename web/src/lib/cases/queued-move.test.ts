import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY, foldCase, transitionIdOf, type CaseRecord, type EventId } from '#policies/cases/index.ts';
import { AMINA, ANA, CONTEXT, content, envelope, move, opening, ROOT } from '#policies/cases/testing/fixtures.ts';
import { movedMeanwhile } from './queued-move.ts';

const fold = (...envelopes: ReturnType<typeof opening>[]): CaseRecord => foldCase(envelopes, { ...CONTEXT, workflows: DEFAULT_REGISTRY });
const after = (eventId: string) => transitionIdOf(eventId as EventId);

describe('a status change waiting in the outbox', () => {
	// Opened at draft, sent by the requesting side.
	const sent = [opening(), envelope('$sent', ANA, 2000, move(ROOT, 'draft', 'sent'))];
	// Written by the requested side while offline, against "sent".
	const received = content(move(after('$sent'), 'sent', 'received')) as Record<string, unknown>;

	it('still applies when the case is where it was when written', () => {
		expect(movedMeanwhile(fold(...sent), received)).toBeUndefined();
	});

	it('is refused, naming the status the case is at now, when the other side moved it meanwhile', () => {
		const withdrawn = fold(...sent, envelope('$withdrawn', ANA, 3000, move(after('$sent'), 'sent', 'withdrawn')));
		expect(withdrawn.opened && withdrawn.status).toBe('withdrawn');
		expect(movedMeanwhile(withdrawn, received)).toEqual({ kind: 'moved-meanwhile', now: 'withdrawn' });
	});

	it('is refused while the case has an unsettled conflict', () => {
		const forked = fold(
			...sent,
			envelope('$received', AMINA, 3000, move(after('$sent'), 'sent', 'received')),
			envelope('$withdrawn', ANA, 3000, move(after('$sent'), 'sent', 'withdrawn')),
		);
		expect(forked.opened && forked.openConflict).toBeTruthy();
		expect(movedMeanwhile(forked, received)?.kind).toBe('moved-meanwhile');
	});

	it('leaves the decision to the fold when the record cannot say, and lets other messages through', () => {
		expect(movedMeanwhile(undefined, received)).toBeUndefined();
		expect(movedMeanwhile(fold(), received)).toBeUndefined();
		expect(movedMeanwhile(fold(...sent), { msgtype: 'm.text', body: 'hello' })).toBeUndefined();
	});
});
