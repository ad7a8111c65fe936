// Acceptance 4 of issue 3: random malformed events are refused with reasons
// and never throw — 10,000 arbitrary values, 10,000 near misses.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nearMiss } from '../testing/near-miss.ts';
import { parseCaseEvent } from './parse.ts';
import { REJECTION_CODES } from './rejection.ts';
import { anyValue } from '../testing/anything.ts';

function refusedWithReason(raw: unknown): void {
	const parsed = parseCaseEvent(raw);
	expect(parsed.ok).toBe(false);
	if (parsed.ok) return;
	expect(REJECTION_CODES).toContain(parsed.error.code);
	expect(parsed.error.reason.length).toBeGreaterThan(0);
	expect(parsed.error.reason.length).toBeLessThan(1_000);
}

describe('parseCaseEvent on malformed input', () => {
	it('refuses 10,000 arbitrary values with a reason, never throwing', () => {
		fc.assert(fc.property(anyValue, refusedWithReason), {
			numRuns: 10_000,
		});
	});

	it('refuses 10,000 near misses of valid events with a reason, never throwing', () => {
		fc.assert(fc.property(nearMiss, refusedWithReason), { numRuns: 10_000 });
	});
});
