import { describe, expect, it } from 'vitest';
import type { OffenceCode } from '../../cases/ids/codes.ts';
import type { AuthorityId, CountryCode, NetworkId } from '../../roster/types.ts';
import { ANA, GT_ENTRY, GT_MP, LUCIA, stamp } from '../testing/entries.ts';
import type { AuthorityEntry, DirectoryView, PersonEntry } from '../types.ts';
import { findCompetent, handlesOffence } from './finder.ts';
import { searchDirectory } from './search.ts';
import { pickText } from './texts.ts';

const KZ = 'kz-gpo' as AuthorityId;
const KZ_ENTRY: AuthorityEntry = {
	authority: KZ,
	kind: 'prosecution-service',
	channels: [],
	urgentProcedure: { ru: 'Позвоните дежурному прокурору.' },
	documents: [],
	names: { ru: 'Генеральная прокуратура Республики Казахстан', en: 'Prosecutor General’s Office of Kazakhstan' },
	country: 'KZ' as CountryCode,
	requestLanguages: ['ru', 'kk'],
	requirements: { ru: 'Запрос в письменной форме с переводом на русский язык.' },
	measures: ['preservation'],
	offences: [],
};
const NURLAN: PersonEntry = {
	id: '@nurlan:gpo.kz',
	authority: KZ,
	name: 'Нурлан Ёлдашев',
	latinName: 'Nurlan Yoldashev',
	roles: ['prosecutor'],
	languages: ['ru', 'kk'],
	rota: [],
};
const CARLOS: PersonEntry = { ...ANA, id: '@carlos:gt', name: 'Carlos Méndez', roles: ['central-authority-officer'], languages: ['es'] };

const view = (network: string, authorities: AuthorityEntry[], people: PersonEntry[]): DirectoryView => ({
	network: network as NetworkId,
	authorities: authorities.map((entry) => ({ entry, updated: stamp('2026-11-01T00:00:00Z') })),
	people: people.map((entry) => ({ entry, updated: stamp('2026-11-01T00:00:00Z') })),
	departed: [],
	editors: {},
	ignored: [],
	rosters: {},
	points247: false,
});
const REFCO = view('REFCO', [GT_ENTRY], [ANA, LUCIA, CARLOS]);
const CASC = view('CASC', [KZ_ENTRY], [NURLAN]);
// Thursday 3 December 2026, 10:00 in Guatemala: Lucía is at work (Carlos and Ana gave no hours).
const NOW = new Date('2026-12-03T16:00:00Z');

const names = (hits: ReturnType<typeof searchDirectory>) => hits.map((h) => (h.kind === 'person' ? h.person.name : h.authority.authority));

describe('searchDirectory', () => {
	it('finds people and authorities by words, ignoring case and accents', () => {
		expect(names(searchDirectory([REFCO, CASC], { text: 'lopez' }, NOW))).toEqual(['Ana López']);
		expect(names(searchDirectory([REFCO, CASC], { text: 'MÉNDEZ carlos' }, NOW))).toEqual(['Carlos Méndez']);
	});
	it('finds a Cyrillic name by its Latin spelling and by its own, ё and all', () => {
		expect(names(searchDirectory([REFCO, CASC], { text: 'yoldashev' }, NOW))).toEqual(['Нурлан Ёлдашев']);
		expect(names(searchDirectory([REFCO, CASC], { text: 'елдашев' }, NOW))).toEqual(['Нурлан Ёлдашев']);
	});
	it('matches a person through their authority’s names, country and measures', () => {
		expect(names(searchDirectory([REFCO, CASC], { text: 'прокуратура' }, NOW))).toEqual(['Нурлан Ёлдашев', 'kz-gpo']);
		expect(names(searchDirectory([REFCO, CASC], { country: 'KZ' as CountryCode }, NOW))).toEqual(['Нурлан Ёлдашев', 'kz-gpo']);
		expect(names(searchDirectory([REFCO, CASC], { measure: 'extradition', role: 'prosecutor' }, NOW))).toEqual(['Ana López']);
	});
	it('matches a language by prefix and narrows by network', () => {
		expect(names(searchDirectory([REFCO, CASC], { language: 'es', role: 'focal-point' }, NOW))).toEqual(['Lucía Ramírez']);
		expect(names(searchDirectory([REFCO, CASC], { network: 'CASC' as NetworkId }, NOW))).toEqual(['Нурлан Ёлдашев', 'kz-gpo']);
	});
	it('puts the reachable first, then 24/7 points, then by name; keeps only the reachable when asked', () => {
		expect(names(searchDirectory([REFCO], {}, NOW))).toEqual(['Lucía Ramírez', 'Ana López', 'Carlos Méndez', 'gt-mp']);
		const night = new Date('2026-12-03T06:00:00Z'); // midnight in Guatemala: no one at work, Lucía still a 24/7 point
		expect(names(searchDirectory([REFCO], {}, night))).toEqual(['Lucía Ramírez', 'Ana López', 'Carlos Méndez', 'gt-mp']);
		expect(names(searchDirectory([REFCO], { reachableNow: true }, night))).toEqual([]);
		expect(names(searchDirectory([REFCO], { reachableNow: true }, NOW))).toEqual(['Lucía Ramírez']);
	});
	it('marks each hit with its network', () => {
		expect(searchDirectory([REFCO, CASC], { text: 'nurlan' }, NOW).map((h) => h.network)).toEqual(['CASC']);
	});
});

describe('findCompetent', () => {
	it('lists the competent authorities with texts in the reader’s language and contacts ranked', () => {
		const [gt, ...rest] = findCompetent([REFCO, CASC], { measure: 'preservation', country: 'GT' as CountryCode }, NOW, 'en');
		expect(rest).toEqual([]);
		expect(gt?.authority.authority).toBe(GT_MP);
		expect(gt?.requirements).toBe('A written request, translated into Spanish.');
		expect(gt?.requirementsLanguage).toBe('en');
		expect(gt?.contacts.map((c) => c.person.name)).toEqual(['Lucía Ramírez', 'Carlos Méndez', 'Ana López']);
	});
	it('falls back to the first text written', () => {
		const [kz] = findCompetent([REFCO, CASC], { measure: 'preservation', country: 'KZ' as CountryCode }, NOW, 'fr');
		expect(kz?.requirementsLanguage).toBe('ru');
	});
	it('leaves out authorities without the measure or the offence', () => {
		expect(findCompetent([REFCO, CASC], { measure: 'extradition', country: 'KZ' as CountryCode }, NOW, 'en')).toEqual([]);
		const fraud = 'fraud' as OffenceCode;
		expect(findCompetent([REFCO], { measure: 'preservation', country: 'GT' as CountryCode, offence: fraud }, NOW, 'en')).toEqual([]);
	});
	it('takes a parent offence as covering its children, and no offences as covering all', () => {
		expect(handlesOffence(GT_ENTRY, 'cybercrime.sextortion' as OffenceCode)).toBe(true);
		expect(handlesOffence(GT_ENTRY, 'cyber' as OffenceCode)).toBe(false);
		expect(handlesOffence(KZ_ENTRY, 'fraud' as OffenceCode)).toBe(true);
	});
});

describe('pickText', () => {
	const texts = { es: 'Hola', 'pt-BR': 'Olá', en: 'Hello' };
	it('takes the same tag, then a related one, then the first', () => {
		expect(pickText(texts, 'en')).toEqual({ text: 'Hello', language: 'en' });
		expect(pickText(texts, 'es-GT')).toEqual({ text: 'Hola', language: 'es' });
		expect(pickText(texts, 'pt')).toEqual({ text: 'Olá', language: 'pt-BR' });
		expect(pickText(texts, 'ru')).toEqual({ text: 'Hola', language: 'es' });
		expect(pickText({}, 'ru')).toEqual({ text: '', language: '' });
	});
});
