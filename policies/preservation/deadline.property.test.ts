// Property tests for the deadline arithmetic (issue 5): an extension never
// shortens a deadline; the same inputs always give the same instant (however
// the start's offset is written); the expiry is after the start and is the end
// of the rule's last day on the legal zone's calendar.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayNumber } from './calendar.ts';
import { computeDeadline, type Deadline } from './deadline.ts';
import { BUILT_IN_RULES } from './rules.ts';
import type { PreservationRule } from './types.ts';
import { wallAt } from './zone.ts';

const ZONES = [
	'America/Guatemala',
	'Africa/Lagos',
	'Asia/Almaty',
	'America/New_York',
	'Europe/Brussels',
	'Atlantic/Azores', // clocks change at midnight
	'America/Santiago', // clocks change at midnight
	'Australia/Lord_Howe', // 30-minute DST
	'Asia/Kathmandu', // +05:45
	'Pacific/Apia', // skipped 30 December 2011 entirely
	'Pacific/Kiritimati', // +14:00
	'America/St_Johns', // -03:30 with DST
	'UTC',
];

const MONTHLY: PreservationRule = {
	...BUILT_IN_RULES[0]!,
	id: 'xx-monthly' as PreservationRule['id'],
	period: { amount: 1, unit: 'months' },
	extension: { max: null, period: { amount: 1, unit: 'months' }, on: 'renewal', note: '' },
};
const RULES = [...BUILT_IN_RULES, MONTHLY];

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

/** The instant written with an arbitrary offset (quarter hours from -12:00 to +14:00). */
function written(instant: number, offsetQuarters: number): string {
	const offsetMs = offsetQuarters * 15 * 60_000;
	const wall = new Date(instant + offsetMs).toISOString().slice(0, 23);
	const sign = offsetQuarters < 0 ? '-' : '+';
	const minutes = Math.abs(offsetQuarters) * 15;
	return `${wall}${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const maxOf = (rule: PreservationRule) => (rule.extension === null ? 0 : (rule.extension.max ?? 6));

const inputs = fc
	.record({
		rule: fc.constantFrom(...RULES),
		zone: fc.constantFrom(...ZONES),
		instant: fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
		offset: fc.integer({ min: -48, max: 56 }),
		otherOffset: fc.integer({ min: -48, max: 56 }),
		pick: fc.nat(),
	})
	.map((v) => ({ ...v, extensions: v.pick % (maxOf(v.rule) + 1) }));

function must(rule: PreservationRule, start: string, extensions: number, zone: string): Deadline {
	const result = computeDeadline({ rule, start, extensions, zone });
	if (!result.ok) throw new Error(`${rule.id} ${start} ${zone}: ${result.error.reason}`);
	return result.value;
}

describe('deadline invariants', () => {
	it('the expiry is after the start, and is the end of the last day in the legal zone', () => {
		fc.assert(
			fc.property(inputs, ({ rule, zone, instant, offset, extensions }) => {
				const d = must(rule, written(instant, offset), extensions, zone);
				expect(d.expiresAt).toBeGreaterThan(instant);
				const last = dayNumber({
					year: Number(d.lastDay.slice(0, 4)),
					month: Number(d.lastDay.slice(5, 7)),
					day: Number(d.lastDay.slice(8, 10)),
				});
				// The expiry still belongs to the last day (or an earlier one, if the last day was skipped); a millisecond later it is over.
				expect(dayNumber(wallAt(d.expiresAt, zone).date)).toBeLessThanOrEqual(last);
				expect(dayNumber(wallAt(d.expiresAt + 1, zone).date)).toBeGreaterThan(last);
			}),
			{ numRuns: 2_000 },
		);
	});

	it('an extension never shortens a deadline (each one moves it later)', () => {
		fc.assert(
			fc.property(inputs, ({ rule, zone, instant, offset, extensions }) => {
				fc.pre(extensions < maxOf(rule));
				const start = written(instant, offset);
				expect(must(rule, start, extensions + 1, zone).expiresAt).toBeGreaterThan(must(rule, start, extensions, zone).expiresAt);
			}),
			{ numRuns: 2_000 },
		);
	});

	it('the same inputs give the same instant, whatever offset the start is written with', () => {
		fc.assert(
			fc.property(inputs, ({ rule, zone, instant, offset, otherOffset, extensions }) => {
				const once = must(rule, written(instant, offset), extensions, zone);
				expect(must(rule, written(instant, offset), extensions, zone)).toEqual(once);
				expect(must(rule, written(instant, otherOffset), extensions, zone)).toEqual(once);
			}),
			{ numRuns: 2_000 },
		);
	});
});
