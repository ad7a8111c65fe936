import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { recheckSettings, wholeNumberVariable } from './settings.ts';

const bounds = { fallback: 300, min: 1, max: 3600 };

describe('session settings from the environment', () => {
	it('take the default when unset or blank', () => {
		expect(wholeNumberVariable('ROGATORY_SESSION_RECHECK_SECONDS', undefined, bounds)).toEqual(ok(300));
		expect(wholeNumberVariable('ROGATORY_SESSION_RECHECK_SECONDS', '  ', bounds)).toEqual(ok(300));
	});

	it('read whole numbers within bounds', () => {
		expect(wholeNumberVariable('ROGATORY_SESSION_RECHECK_SECONDS', ' 2 ', bounds)).toEqual(ok(2));
		expect(wholeNumberVariable('ROGATORY_SESSION_RECHECK_SECONDS', '3600', bounds)).toEqual(ok(3600));
	});

	it('refuse anything else, naming the variable', () => {
		for (const value of ['0', '3601', '1.5', '-3', '5m', 'ten', '1e3'])
			expect(wholeNumberVariable('ROGATORY_SESSION_RECHECK_SECONDS', value, bounds)).toEqual(
				err(`ROGATORY_SESSION_RECHECK_SECONDS: must be a whole number from 1 to 3600 (got "${value}")`),
			);
	});

	it('never wait longer than 30 seconds (or the interval) before asking again after no answer', () => {
		expect(recheckSettings(300, 900)).toEqual({ intervalMs: 300_000, graceMs: 900_000, retryMs: 30_000 });
		expect(recheckSettings(2, 0)).toEqual({ intervalMs: 2_000, graceMs: 0, retryMs: 2_000 });
	});
});
