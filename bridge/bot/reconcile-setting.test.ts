import { describe, expect, it } from 'vitest';
import { reconcileEveryMs, RECONCILE_ENV } from './reconcile-setting.ts';

describe('reconcileEveryMs', () => {
	it("is the site's interval when the environment says nothing", () => {
		expect(reconcileEveryMs({}, 60)).toEqual({ ok: true, value: 3_600_000 });
		expect(reconcileEveryMs({ [RECONCILE_ENV]: '' }, 15)).toEqual({ ok: true, value: 900_000 });
	});

	it('takes whole seconds from the environment, and refuses anything else naming the variable', () => {
		expect(reconcileEveryMs({ [RECONCILE_ENV]: '15' }, 60)).toEqual({ ok: true, value: 15_000 });
		for (const bad of ['0', '1.5', 'hourly', '-3']) {
			const got = reconcileEveryMs({ [RECONCILE_ENV]: bad }, 60);
			expect(got.ok).toBe(false);
			expect(!got.ok && got.error).toContain(RECONCILE_ENV);
		}
	});
});
