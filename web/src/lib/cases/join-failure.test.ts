import { describe, expect, it } from 'vitest';
import { describeFailure } from '../matrix/failure.ts';
import { joinProblemOf, worthRetrying } from './join-failure.ts';

/** What matrix-js-sdk throws for a homeserver's refusal, without the SDK. */
const refusal = (httpStatus: number, errcode: string, error: string) =>
	Object.assign(new Error(`MatrixError: [${httpStatus}] ${error}`), { httpStatus, errcode });

const classify = (error: unknown) => joinProblemOf(describeFailure(error));

describe('why a join was refused', () => {
	it('never: the room bans the homeserver (Synapse: 403 M_FORBIDDEN "Server is banned from room") or the person', () => {
		expect(classify(refusal(403, 'M_FORBIDDEN', 'Server is banned from room'))).toEqual({ kind: 'banned' });
		expect(classify(refusal(403, 'M_FORBIDDEN', 'You are banned from the room'))).toEqual({ kind: 'banned' });
	});

	it('never: the room is gone (404, M_NOT_FOUND, "No known servers")', () => {
		expect(classify(refusal(404, 'M_NOT_FOUND', 'Unknown room'))).toEqual({ kind: 'gone' });
		expect(classify(refusal(404, 'M_UNKNOWN', 'No known servers'))).toEqual({ kind: 'gone' });
	});

	it('not yet, or withdrawn: "You are not invited to this room." is tried on the schedule', () => {
		const problem = classify(refusal(403, 'M_FORBIDDEN', 'You are not invited to this room.'));
		expect(problem).toEqual({ kind: 'not-invited' });
		expect(worthRetrying(problem)).toBe(true);
	});

	it('for now: no answer, 429, 5xx (including "Failed to make_join via any server"), a browser error', () => {
		const cases = [
			[Object.assign(new Error('x'), { name: 'ConnectionError' }), 'unreachable'],
			[new TypeError('Failed to fetch'), 'unreachable'],
			[refusal(429, 'M_LIMIT_EXCEEDED', 'Too Many Requests'), 'rate-limited'],
			[refusal(502, 'M_UNKNOWN', 'Failed to make_join via any server'), 'server-error'],
			[refusal(500, 'M_UNKNOWN', 'Internal server error'), 'server-error'],
			[new Error('something odd'), 'unexpected'],
		] as const;
		for (const [error, failure] of cases) {
			const problem = classify(error);
			expect(problem).toEqual({ kind: 'transient', failure });
			expect(worthRetrying(problem)).toBe(true);
		}
	});

	it('never: other refusals (an unsupported room version)', () => {
		const problem = classify(refusal(400, 'M_INCOMPATIBLE_ROOM_VERSION', 'Your homeserver does not support the features required'));
		expect(problem).toEqual({ kind: 'refused' });
		expect(worthRetrying(problem)).toBe(false);
		expect(worthRetrying({ kind: 'banned' })).toBe(false);
		expect(worthRetrying({ kind: 'gone' })).toBe(false);
	});
});
