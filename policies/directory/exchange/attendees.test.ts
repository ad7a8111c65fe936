import { describe, expect, it } from 'vitest';
import type { AuthorityId, CountryCode, NetworkId } from '../../roster/types.ts';
import { ANA, GT_ENTRY, GT_SERVER, LUCIA, stamp } from '../testing/entries.ts';
import type { AuthorityEntry, DirectoryView, PersonEntry } from '../types.ts';
import { attendeeKey, attendeeList, type AttendeeInput, type ExchangeTrust } from './attendees.ts';

const KZ = 'kz-gpo' as AuthorityId;
const KZ_ENTRY: AuthorityEntry = {
	...GT_ENTRY,
	authority: KZ,
	names: { ru: 'Генеральная прокуратура Республики Казахстан' },
	country: 'KZ' as CountryCode,
};
const NURLAN: PersonEntry = {
	id: '@nurlan:gpo.kz',
	authority: KZ,
	name: 'Нурлан Ёлдашев',
	latinName: 'Nurlan Yoldashev',
	roles: [],
	languages: ['ru'],
	rota: [],
};
const AIGUL: PersonEntry = { ...NURLAN, id: '@aigul:gpo.kz', name: 'Айгуль Серикова', latinName: 'Aigul Serikova' };
const BETO: PersonEntry = { ...ANA, id: `@beto:${GT_SERVER}`, name: 'Beto Álvarez' };
const NO_ACCOUNT: PersonEntry = { ...ANA, id: 'gt-desk', name: 'Zoila Pérez' };
const SELF = `@me:${GT_SERVER}`;
const ME: PersonEntry = { ...ANA, id: SELF, name: 'Me Myself' };
const GONE: PersonEntry = { ...ANA, id: `@gone:${GT_SERVER}`, name: 'Gonzalo Ido' };

const view: DirectoryView = {
	network: 'REFCO' as NetworkId,
	authorities: [GT_ENTRY, KZ_ENTRY].map((entry) => ({ entry, updated: stamp('2026-11-01T00:00:00Z') })),
	people: [NURLAN, LUCIA, ME, AIGUL, ANA, GONE, NO_ACCOUNT, BETO].map((entry) => ({ entry, updated: stamp('2026-11-01T00:00:00Z') })),
	departed: [{ authority: GT_ENTRY.authority, person: GONE.id, why: 'departed', updated: stamp('2026-11-02T00:00:00Z') }],
	rosters: {},
	points247: false,
	editors: {},
	ignored: [],
};

const trust: Record<string, ExchangeTrust> = { [LUCIA.id]: 'verified', [NURLAN.id]: 'changed', [ANA.id]: 'unverified' };
const input = (over: Partial<AttendeeInput> = {}): AttendeeInput => ({
	view,
	self: SELF,
	present: new Set(),
	trustOf: (id) => trust[id],
	locale: 'en',
	...over,
});
const names = (over: Partial<AttendeeInput> = {}) => attendeeList(input(over)).rows.map((r) => r.person.name);

describe('attendeeList', () => {
	it('orders by authority then name in the reader’s locale, and leaves out the reader and departed people', () => {
		expect(names()).toEqual(['Ana López', 'Beto Álvarez', 'Lucía Ramírez', 'Zoila Pérez', 'Айгуль Серикова', 'Нурлан Ёлдашев']);
		expect(names({ locale: 'ru' })).toEqual([
			'Айгуль Серикова',
			'Нурлан Ёлдашев',
			'Ana López',
			'Beto Álvarez',
			'Lucía Ramírez',
			'Zoila Pérez',
		]);
	});
	it('keeps the order whatever the trust, so that no one moves when verified', () => {
		const before = names();
		expect(names({ trustOf: () => 'verified' })).toEqual(before);
	});
	it('counts the verified among everyone with an account, an identity change counting as not verified', () => {
		const { counts, rows } = attendeeList(input());
		expect(counts).toEqual({ verified: 1, total: 5, present: 0, of: 'list' });
		expect(rows.find((r) => r.person === NURLAN)).toMatchObject({ trust: 'changed', verified: false, matrixId: NURLAN.id });
		expect(rows.find((r) => r.person === NO_ACCOUNT)).toMatchObject({ trust: undefined, verified: false });
		expect(rows.find((r) => r.person === NO_ACCOUNT)?.matrixId).toBeUndefined();
	});
	it('counts the people present once some are marked', () => {
		const present = new Set([attendeeKey(LUCIA), attendeeKey(NURLAN), attendeeKey(BETO)]);
		expect(attendeeList(input({ present })).counts).toEqual({ verified: 1, total: 3, present: 3, of: 'present' });
		expect(attendeeList(input({ present, trustOf: () => 'verified' })).counts).toEqual({
			verified: 3,
			total: 3,
			present: 3,
			of: 'present',
		});
	});
	it('shows only the people present when asked, and everyone when no one is marked', () => {
		const present = new Set([attendeeKey(LUCIA), attendeeKey(AIGUL)]);
		expect(names({ present, presentOnly: true })).toEqual(['Lucía Ramírez', 'Айгуль Серикова']);
		expect(names({ presentOnly: true })).toHaveLength(6);
		expect(
			attendeeList(input({ present }))
				.rows.filter((r) => r.present)
				.map((r) => r.person.name),
		).toEqual(['Lucía Ramírez', 'Айгуль Серикова']);
	});
	it('narrows by name, Latin name, authority and country without changing the progress', () => {
		expect(names({ query: 'yoldashev' })).toEqual(['Нурлан Ёлдашев']);
		expect(names({ query: 'ramirez' })).toEqual(['Lucía Ramírez']);
		expect(names({ query: 'прокуратура' })).toEqual(['Айгуль Серикова', 'Нурлан Ёлдашев']);
		expect(names({ query: 'kazajistán', countryName: (c) => (c === 'KZ' ? 'Kazajistán' : 'Guatemala') })).toEqual([
			'Айгуль Серикова',
			'Нурлан Ёлдашев',
		]);
		expect(attendeeList(input({ query: 'yoldashev' })).counts).toEqual(attendeeList(input()).counts);
	});
	it('names and orders an authority with no entry yet by its roster name', () => {
		const without = { ...view, authorities: view.authorities.filter((a) => a.entry.authority !== KZ) };
		const rows = attendeeList(input({ view: without, rosterName: (id) => (id === KZ ? 'Генпрокуратура Казахстана' : undefined) })).rows;
		expect(rows.find((r) => r.person === NURLAN)?.authorityName).toBe('Генпрокуратура Казахстана');
		expect(attendeeList(input({ view: without })).rows.find((r) => r.person === NURLAN)?.authorityName).toBe(KZ);
	});
	it('uses the trust of the person’s account', () => {
		const asked: string[] = [];
		attendeeList(input({ trustOf: (id) => (asked.push(id), undefined) }));
		expect(asked.sort()).toEqual([AIGUL.id, ANA.id, BETO.id, LUCIA.id, NURLAN.id].sort());
	});
});
