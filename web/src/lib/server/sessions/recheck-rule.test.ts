import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { compareAnswer, recheckPlan, recheckVerdict } from './recheck-rule.ts';
import { recheckSettings } from './settings.ts';

// Re-check every 5 minutes; pages served up to 15 minutes after the last confirmation; retry after 30 s.
const settings = recheckSettings(300, 900);
const t0 = Date.UTC(2026, 0, 1);
const min = 60_000;
const confirmedAt = (ago: number, checkedAgo = ago) => ({ confirmedAt: t0 - ago, checkedAt: t0 - checkedAgo });

describe('recheckPlan', () => {
	it('serves a page without asking while the confirmation is younger than the interval', () => {
		expect(recheckPlan(confirmedAt(0), t0, 'page', settings)).toBe('serve');
		expect(recheckPlan(confirmedAt(5 * min - 1), t0, 'page', settings)).toBe('serve');
	});

	it('asks once the interval has passed', () => {
		expect(recheckPlan(confirmedAt(5 * min), t0, 'page', settings)).toBe('ask');
		expect(recheckPlan(confirmedAt(3 * 24 * 60 * min), t0, 'page', settings)).toBe('ask');
	});

	it('asks when a recorded time is ahead of the clock (a forged row must not look confirmed for ever)', () => {
		expect(recheckPlan({ confirmedAt: t0 + 365 * 24 * 60 * min, checkedAt: t0 }, t0, 'page', settings)).toBe('ask');
		expect(recheckPlan({ confirmedAt: t0 - min, checkedAt: t0 + 1 }, t0, 'page', settings)).toBe('ask');
	});

	it('always asks before an export, even just after a confirmation', () => {
		expect(recheckPlan(confirmedAt(0), t0, 'export', settings)).toBe('ask');
		expect(recheckPlan(confirmedAt(10 * min, 1), t0, 'export', settings)).toBe('ask');
	});

	it('after an unanswered check, waits for the retry delay, serving within the grace and nothing after it', () => {
		// Confirmed 6 minutes ago, asked (no answer) 10 seconds ago: inside the grace.
		expect(recheckPlan(confirmedAt(6 * min, 10_000), t0, 'page', settings)).toBe('serve');
		// Confirmed 20 minutes ago, asked 10 seconds ago: past the grace.
		expect(recheckPlan(confirmedAt(20 * min, 10_000), t0, 'page', settings)).toBe('suspend');
		// The retry delay passed: ask again.
		expect(recheckPlan(confirmedAt(20 * min, 30_000), t0, 'page', settings)).toBe('ask');
	});
});

describe('compareAnswer', () => {
	const session = { userId: '@carlos.mendez:127.0.20.1:28448', deviceId: 'DEV1' };
	it('is the same only for the same user and the same device', () => {
		expect(compareAnswer(ok({ userId: session.userId, deviceId: 'DEV1' }), session)).toBe('same');
		expect(compareAnswer(ok({ userId: session.userId, deviceId: 'DEV2' }), session)).toBe('refused');
		expect(compareAnswer(ok({ userId: session.userId, deviceId: undefined }), session)).toBe('refused');
		expect(compareAnswer(ok({ userId: '@ana.lopez:127.0.20.1:28448', deviceId: 'DEV1' }), session)).toBe('refused');
	});
	it('tells a refused token from an unreachable homeserver', () => {
		expect(compareAnswer(err('rejected'), session)).toBe('refused');
		expect(compareAnswer(err('unreachable'), session)).toBe('unreachable');
	});
});

describe('recheckVerdict', () => {
	it('confirms the same token, and ends a refused one, for pages and exports alike', () => {
		for (const purpose of ['page', 'export'] as const) {
			expect(recheckVerdict('same', confirmedAt(30 * min), t0, purpose, settings)).toBe('confirmed');
			expect(recheckVerdict('refused', confirmedAt(0), t0, purpose, settings)).toBe('end');
		}
	});

	it('without an answer, serves pages within the grace, suspends after it, and never serves an export', () => {
		expect(recheckVerdict('unreachable', confirmedAt(14 * min), t0, 'page', settings)).toBe('grace');
		expect(recheckVerdict('unreachable', confirmedAt(15 * min), t0, 'page', settings)).toBe('suspend');
		expect(recheckVerdict('unreachable', confirmedAt(0), t0, 'export', settings)).toBe('unconfirmed');
	});

	it('a grace of zero serves nothing unconfirmed', () => {
		const strict = recheckSettings(300, 0);
		expect(recheckVerdict('unreachable', confirmedAt(5 * min), t0, 'page', strict)).toBe('suspend');
		expect(recheckPlan(confirmedAt(6 * min, 1_000), t0, 'page', strict)).toBe('suspend');
	});
});
