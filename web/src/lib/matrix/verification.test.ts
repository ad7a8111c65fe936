import { describe, expect, it } from 'vitest';
import { cancelReasonOf } from './verification.ts';

describe('cancelReasonOf', () => {
	it('tells the person why a verification stopped', () => {
		expect(cancelReasonOf('m.mismatched_sas')).toBe('mismatch');
		expect(cancelReasonOf('m.key_mismatch')).toBe('mismatch');
		expect(cancelReasonOf('m.timeout')).toBe('timeout');
		expect(cancelReasonOf('m.user')).toBe('declined');
		expect(cancelReasonOf('m.unknown_method')).toBe('other');
		expect(cancelReasonOf(null)).toBe('other');
	});
});
