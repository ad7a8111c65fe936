import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../matrix/failure.ts';
import * as m from '../../paraglide/messages.js';
import { failureText, keySetupText, openText, recoveryText } from './problem-text.ts';

/** What issue 11 forbids in visible text. */
const RAW = /MatrixError|M_[A-Z_]+|https?:\/\/.*_matrix/;

const sdkError = (httpStatus: number, errcode: string, error: string) =>
	Object.assign(new Error(`MatrixError: [${httpStatus}] ${error} (https://hs.example/_matrix/client/v3/keys/upload)`), {
		httpStatus,
		errcode,
	});

describe('failures in words', () => {
	it('say what happened and what to do, keeping the homeserver’s words for the console', () => {
		const refused = failureText(describeFailure(sdkError(403, 'M_FORBIDDEN', 'Invalid signature')));
		expect(refused.text).toBe(m.session_failed_refused({ status: 403 }));
		expect(refused.detail).toContain('M_FORBIDDEN');
		const odd = failureText(describeFailure(new Error('MatrixError: something')));
		expect(odd.text).toBe(m.session_failed_other());
		for (const shown of [refused, odd, keySetupText(describeFailure(sdkError(500, 'M_UNKNOWN', 'boom')))])
			expect(shown.text).not.toMatch(RAW);
	});

	it('never put an SDK error into the text, whichever view shows it', () => {
		const errors = [
			sdkError(400, 'M_BAD_JSON', 'bad'),
			sdkError(401, 'M_UNKNOWN_TOKEN', 'gone'),
			sdkError(429, 'M_LIMIT_EXCEEDED', 'slow down'),
			sdkError(502, 'M_UNKNOWN', 'upstream'),
			new TypeError('Failed to fetch'),
			'MatrixError: a string',
		];
		for (const error of errors) {
			const failure = describeFailure(error);
			for (const shown of [failureText(failure), openText(failure), recoveryText(failure), keySetupText(failure)])
				expect(shown.text).not.toMatch(RAW);
		}
	});
});
