import { describe, expect, it } from 'vitest';
import { describeFailure } from './failure.ts';

/** The shapes matrix-js-sdk throws, without the SDK. */
class ConnectionError extends Error {
	override get name(): string {
		return 'ConnectionError';
	}
}
class MatrixError extends Error {
	readonly errcode: string;
	readonly httpStatus: number;
	constructor(errcode: string, httpStatus: number) {
		super(`MatrixError: [${httpStatus}] ${errcode}`);
		this.name = errcode;
		this.errcode = errcode;
		this.httpStatus = httpStatus;
	}
}

describe('describeFailure', () => {
	it('tells the kinds apart', () => {
		expect(describeFailure(new ConnectionError('fetch failed'))).toEqual({ kind: 'unreachable' });
		expect(describeFailure(new TypeError('Failed to fetch'))).toEqual({ kind: 'unreachable' });
		expect(describeFailure(new DOMException('timed out', 'TimeoutError'))).toEqual({ kind: 'unreachable' });
		expect(describeFailure(new MatrixError('M_UNKNOWN_TOKEN', 401))).toEqual({ kind: 'signed-out-elsewhere' });
		expect(describeFailure(new MatrixError('M_LIMIT_EXCEEDED', 429))).toEqual({ kind: 'rate-limited' });
		expect(describeFailure(new MatrixError('M_FORBIDDEN', 403))).toEqual({
			kind: 'refused',
			status: 403,
			errcode: 'M_FORBIDDEN',
			detail: 'MatrixError: [403] M_FORBIDDEN',
		});
		expect(describeFailure(new Error('boom'))).toEqual({ kind: 'unexpected', detail: 'boom' });
		expect(describeFailure('text')).toEqual({ kind: 'unexpected', detail: 'text' });
	});
});
