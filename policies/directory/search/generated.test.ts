// The directory's search over a generated directory of three networks.
import { describe, expect, it } from 'vitest';
import type { CountryCode } from '../../roster/types.ts';
import { ANCHOR, generateDirectory } from '../testing/generated.ts';
import { findCompetent } from './finder.ts';
import { searchDirectory } from './search.ts';
import type { PersonHit } from './types.ts';

const { views, arrivals } = generateDirectory();
const people = (hits: ReturnType<typeof searchDirectory>) => hits.filter((h): h is PersonHit => h.kind === 'person');
const KZ = 'KZ' as CountryCode;

describe('the generated directory', () => {
	it('is the same for the same seed and holds over 200 contacts in three networks', () => {
		expect(generateDirectory()).toEqual(generateDirectory());
		expect(views.map((v) => v.network)).toEqual(['REFCO', 'WACAP', 'CASC']);
		expect(views.reduce((n, v) => n + v.people.length, 0)).toBeGreaterThanOrEqual(200);
		expect(views.some((v) => v.people.some((p) => /[А-я]/.test(p.entry.name)))).toBe(true);
	});
	it('went through the fold: each impostor ignored, no one else', () => {
		for (const v of views) {
			expect(v.ignored.length).toBe(8);
			expect(v.ignored.every((i) => i.reason.kind === 'not-editor')).toBe(true);
			expect(v.people.some((p) => p.entry.name === 'Impostor')).toBe(false);
		}
		expect(Object.values(arrivals).flat().length).toBeGreaterThan(240);
	});
});

describe('finding a 24/7 focal point', () => {
	const query = { country: KZ, role: 'focal-point-24-7', language: 'ru', measure: 'preservation' } as const;

	it('by country, role, language and measure together', () => {
		const hits = people(searchDirectory(views, query, new Date('2026-12-04T10:00:00Z')));
		expect(hits.map((h) => [h.network, h.person.name, h.point247])).toEqual([['CASC', ANCHOR.name, true]]);
	});

	it('by the Latin spelling of a Cyrillic name', () => {
		const hits = people(searchDirectory(views, { text: 'seitkalieva' }, new Date('2026-12-04T10:00:00Z')));
		expect(hits.map((h) => h.person.name)).toEqual([ANCHOR.name]);
	});

	it.each([
		['Friday 15:00 in Almaty: working hours', '2026-12-04T10:00:00Z', 'working-hours'],
		['Friday 19:00 in Almaty: off', '2026-12-04T14:00:00Z', 'off'],
		['Saturday 16:00 in Almaty: off, the rota starts at 23:00', '2026-12-05T11:00:00Z', 'off'],
		['Sunday 01:00 in Almaty: on call across midnight', '2026-12-05T20:00:00Z', 'on-call'],
		['Sunday 08:00 in Almaty: the rota has ended', '2026-12-06T03:00:00Z', 'off'],
	])('reachable now follows the time zone and the rota: %s', (_, now, expected) => {
		const clock = new Date(now);
		const [hit] = people(searchDirectory(views, query, clock));
		expect(hit?.reachability).toBe(expected);
		const reachable = people(searchDirectory(views, { ...query, reachableNow: true }, clock));
		expect(reachable.length).toBe(expected === 'off' ? 0 : 1);
	});

	it('the finder puts the 24/7 point among the first contacts of kz-gpo when on call', () => {
		const [kz] = findCompetent(views, { measure: 'preservation', country: KZ }, new Date('2026-12-05T20:00:00Z'), 'ru');
		expect(kz?.authority.authority).toBe(ANCHOR.authority);
		expect(kz?.contacts[0]?.person.name).toBe(ANCHOR.name);
		expect(kz?.requirementsLanguage).toBe('ru');
	});
});

describe('contacts across the date line', () => {
	it('a liaison in Kiritimati is off on their Saturday while one in Pago Pago works their Friday', () => {
		const now = new Date('2026-12-04T22:30:00Z');
		const all = people(searchDirectory(views, {}, now));
		const posted = (zone: string) => all.filter((h) => h.person.hours?.timeZone === zone && h.person.rota.length === 0);
		expect(posted('Pacific/Kiritimati').length).toBeGreaterThan(0);
		expect(posted('Pacific/Pago_Pago').length).toBeGreaterThan(0);
		expect(posted('Pacific/Kiritimati').every((h) => h.reachability === 'off')).toBe(true);
		expect(posted('Pacific/Pago_Pago').every((h) => h.reachability === 'working-hours')).toBe(true);
	});
});
