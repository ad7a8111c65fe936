import { describe, expect, it } from 'vitest';
import { ANA } from '../testing/entries.ts';
import type { PersonEntry } from '../types.ts';
import { localClock, reachability, reachableNow } from './reach.ts';

const WEEKDAYS = [1, 2, 3, 4, 5];
const office = (timeZone: string, from = '09:00', to = '17:00'): PersonEntry => ({ ...ANA, hours: { timeZone, days: WEEKDAYS, from, to } });

describe('reachability across the date line', () => {
	// Friday 2026-12-04 22:30 UTC: Saturday 12:30 on Kiritimati (UTC+14),
	// Friday 11:30 in Pago Pago (UTC−11), Friday 16:30 in Guatemala (UTC−6).
	const now = new Date('2026-12-04T22:30:00Z');

	it('reads each contact’s own weekday and clock', () => {
		expect(localClock(now, 'Pacific/Kiritimati')).toEqual({ weekday: 6, minutes: 12 * 60 + 30 });
		expect(localClock(now, 'Pacific/Pago_Pago')).toEqual({ weekday: 5, minutes: 11 * 60 + 30 });
		expect(localClock(now, 'America/Guatemala')).toEqual({ weekday: 5, minutes: 16 * 60 + 30 });
	});

	it('a Kiritimati contact is off on their Saturday while Pago Pago and Guatemala are at work on Friday', () => {
		expect(reachability(office('Pacific/Kiritimati'), now)).toBe('off');
		expect(reachability(office('Pacific/Pago_Pago'), now)).toBe('working-hours');
		expect(reachability(office('America/Guatemala'), now)).toBe('working-hours');
	});

	it('on Monday morning in Kiritimati it is still Sunday in Guatemala', () => {
		const monday = new Date('2026-12-06T19:00:00Z'); // Mon 09:00 Kiritimati, Sun 13:00 Guatemala
		expect(reachability(office('Pacific/Kiritimati'), monday)).toBe('working-hours');
		expect(reachability(office('America/Guatemala'), monday)).toBe('off');
	});

	it('the end of the working day is not inside it', () => {
		expect(reachability(office('America/Guatemala', '08:00', '16:30'), now)).toBe('off');
	});
});

describe('reachability in zones with summer time', () => {
	const paris = office('Europe/Paris');
	it('follows the local clock through the change', () => {
		// 08:30 UTC is 09:30 in Paris in winter (UTC+1) and 10:30 in summer (UTC+2).
		expect(reachability(paris, new Date('2026-01-13T07:30:00Z'))).toBe('off'); // 08:30 winter
		expect(reachability(paris, new Date('2026-07-14T07:30:00Z'))).toBe('working-hours'); // 09:30 summer
		// Monday after the spring change (29 March 2026): 07:15 UTC is 09:15 local.
		expect(reachability(paris, new Date('2026-03-30T07:15:00Z'))).toBe('working-hours');
		expect(reachability(paris, new Date('2026-03-27T07:15:00Z'))).toBe('off'); // the Friday before: 08:15
	});
	it('southern summer too (Santiago, UTC−3 in December)', () => {
		expect(reachability(office('America/Santiago'), new Date('2026-12-03T12:30:00Z'))).toBe('working-hours'); // 09:30
		expect(reachability(office('America/Santiago'), new Date('2026-07-02T12:30:00Z'))).toBe('off'); // 08:30 in winter
	});
});

describe('reachability on a rota', () => {
	const night: PersonEntry = {
		...office('Asia/Almaty'),
		rota: [{ from: '2026-12-04T22:00:00+05:00', to: '2026-12-05T06:00:00+05:00' }],
	};
	it('is on call through midnight, and off after the period', () => {
		expect(reachability(night, new Date('2026-12-04T17:30:00Z'))).toBe('on-call'); // 22:30 local Friday
		expect(reachability(night, new Date('2026-12-04T19:30:00Z'))).toBe('on-call'); // 00:30 local Saturday
		expect(reachability(night, new Date('2026-12-05T01:00:00Z'))).toBe('off'); // 06:00 Saturday: the period has ended
	});
	it('counts the start of a period and not its end', () => {
		expect(reachability(night, new Date('2026-12-04T17:00:00Z'))).toBe('on-call');
		expect(reachability(night, new Date('2026-12-05T00:59:59Z'))).toBe('on-call');
	});
	it('is off outside the rota with no hours, and unknown with neither', () => {
		const rotaOnly: PersonEntry = { ...ANA, rota: night.rota };
		expect(reachability(rotaOnly, new Date('2026-12-10T00:00:00Z'))).toBe('off');
		expect(reachability(ANA, new Date('2026-12-10T00:00:00Z'))).toBe('unknown');
	});
	it('reachableNow is on call or at work', () => {
		expect(['on-call', 'working-hours', 'off', 'unknown'].map((r) => reachableNow(r as never))).toEqual([true, true, false, false]);
	});
});
