// The countdown states at their boundaries (14 days, 48 hours, expiry), the
// computed `expired` status, and the urgency order of the dashboard.
import { describe, expect, it } from 'vitest';
import { compareUrgency, countdownAt, statusAt } from './clock.ts';
import { foldPreservations } from './fold.ts';
import { AMINA, ANA, confirm, envelope, PCONTEXT, REQUEST, REQUEST_ID } from './testing/fixtures.ts';

const [record] = foldPreservations(
	[envelope(REQUEST_ID, ANA, 1, REQUEST), envelope('$c', AMINA, 2, confirm('2026-01-06T10:00-06:00'))],
	PCONTEXT,
).records;
const [unconfirmed] = foldPreservations([envelope('$u', ANA, 1, REQUEST)], PCONTEXT).records;
const [released] = foldPreservations(
	[envelope('$x', ANA, 1, REQUEST), envelope('$r', AMINA, 2, { type: 'preservation-released', preservation: '$x' as never })],
	PCONTEXT,
).records;
if (record?.deadline === undefined || unconfirmed === undefined || released === undefined) throw new Error('fixtures');
const deadline = record.deadline;
const expiry = deadline.expiresAt;
const H = 3_600_000;

describe('countdownAt', () => {
	it.each([
		[-15 * 24 * H, 'safe'],
		[-14 * 24 * H - 1, 'safe'],
		[-14 * 24 * H, 'due-soon'],
		[-48 * H - 1, 'due-soon'],
		[-48 * H, 'lapsing'],
		[0, 'lapsing'],
		[1, 'lapsed'],
	] as const)('at expiry %+d ms: %s', (offset, state) => {
		expect(countdownAt(record, expiry + offset)).toBe(state);
	});

	it('says unconfirmed without a period and released after release; expired is computed, not sent', () => {
		expect(countdownAt(unconfirmed, expiry)).toBe('unconfirmed');
		expect(countdownAt(released, expiry + 1)).toBe('released');
		expect(statusAt(record, expiry + 1)).toBe('expired');
		expect(statusAt(record, expiry)).toBe('confirmed');
	});

	it('sorts lapsing before due soon, safe, unconfirmed, lapsed and released', () => {
		const now = expiry - H;
		const later = { ...record, id: '$later' as never, deadline: { ...deadline, expiresAt: expiry + 20 * 24 * H } };
		const lapsed = { ...record, id: '$gone' as never, deadline: { ...deadline, expiresAt: now - 1 } };
		const sorted = [released, lapsed, unconfirmed, later, record].sort((a, b) => compareUrgency(a, b, now));
		expect(sorted.map((r) => countdownAt(r, now))).toEqual(['lapsing', 'safe', 'unconfirmed', 'lapsed', 'released']);
	});
});
