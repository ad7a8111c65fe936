// Issue 3 through real federation, without the browser: Guatemala opens an
// MLA request to Nigeria in a case room; both sides fold the room with the
// shared fold and always see the same record as the request moves; a move the
// workflow does not allow, sent anyway, is ignored by both folds with a
// visible reason.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { CaseRecord, StatusId, TransitionId } from '../../policies/cases/index.ts';
import { OPENED } from '../../policies/cases/testing/fixtures.ts';
import { sendCaseEvent } from '../support/case-room-node.ts';
import { openCaseRoomPair, type CaseRoomPair } from '../support/case-room-setup.ts';

const status = (s: string) => s as StatusId;
const isAt = (s: string) => (record: CaseRecord) => 'status' in record && record.status === s;

describe('a case folded on both sides of the federation', () => {
	const federation = inject('federation');
	let pair: CaseRoomPair;

	beforeAll(async () => {
		pair = await openCaseRoomPair(federation, 'fold');
	});
	afterAll(() => pair?.stop());

	it('moves through the MLA workflow with both sides holding the same record', async () => {
		const { requesting, requested, requestingView, requestedView, roomId } = pair;
		const opened = await sendCaseEvent(requesting, roomId, OPENED, 'es');
		await requestedView.until(isAt('draft'));

		const steps: [typeof requesting, string, string, string?][] = [
			[requesting, 'draft', 'sent'],
			[requested, 'sent', 'received'],
			[requested, 'received', 'additional-info-requested', 'Please send the account holder’s identification.'],
			[requesting, 'additional-info-requested', 'info-provided'],
		];
		let follows = opened as string;
		for (const [client, from, to, reason] of steps) {
			follows = await sendCaseEvent(client, roomId, {
				type: 'transition',
				follows: follows as TransitionId,
				from: status(from),
				to: status(to),
				...(reason === undefined ? {} : { reason }),
			});
			await Promise.all([requestingView.until(isAt(to)), requestedView.until(isAt(to))]);
		}
		expect(requestedView.record).toEqual(requestingView.record);
		const record = requestedView.record;
		expect('statusHistory' in record && record.statusHistory.map((c) => c.to)).toEqual([
			'sent',
			'received',
			'additional-info-requested',
			'info-provided',
		]);
		expect('statusHistory' in record && record.statusHistory[2]?.reason).toBe('Please send the account holder’s identification.');
		expect(record.rejected).toEqual([]);
	});

	it('ignores, with a reason both sides see, a move the workflow does not allow', async () => {
		const { requesting, requestingView, requestedView, roomId } = pair;
		const before = requestedView.record;
		const last = 'statusHistory' in before ? before.statusHistory.at(-1)?.id : undefined;
		expect(last).toBeDefined();
		// The requesting side may not execute its own request.
		const sneaky = await sendCaseEvent(requesting, roomId, {
			type: 'transition',
			follows: last!,
			from: status('info-provided'),
			to: status('executed'),
		});
		const rejected = (record: CaseRecord) => record.rejected.some((r) => r.eventId === sneaky);
		await Promise.all([requestingView.until(rejected), requestedView.until(rejected)]);
		for (const view of [requestingView, requestedView]) {
			expect('status' in view.record && view.record.status).toBe('info-provided');
			const refusal = view.record.rejected.find((r) => r.eventId === sneaky);
			expect(refusal?.reason.length).toBeGreaterThan(10);
		}
		expect(requestedView.record).toEqual(requestingView.record);
	});
});
