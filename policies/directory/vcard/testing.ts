// Test data for vCard import and export: the entries of
// tests/fixtures/directory/sample.vcf, and arbitrary valid person entries for
// the round-trip property (Cyrillic, commas, semicolons, newlines and
// backslashes in the text; ids, zones, tags and instants in their canonical
// form, as import gives them back).
import fc from 'fast-check';
import type { AuthorityId } from '../../roster/types.ts';
import { DIRECTORY_ROLES, type PersonEntry } from '../types.ts';
import type { VcardContext } from './types.ts';

/** Authorities of the demo roster (deploy/roster/default.yaml). */
export const DEMO_AUTHORITIES = ['gt-mp', 'ng-ca', 'kz-gpo', 'cr-mp', 'sn-ca', 'uz-gpo'] as AuthorityId[];
export const DEMO_CONTEXT: VcardContext = { authorities: DEMO_AUTHORITIES };

const gt = 'gt-mp' as AuthorityId;
const ng = 'ng-ca' as AuthorityId;
const kz = 'kz-gpo' as AuthorityId;

/** The cards of tests/fixtures/directory/sample.vcf, in order. */
export const SAMPLE_ENTRIES: readonly PersonEntry[] = [
	{
		id: '@lucia.ramirez:matrix.mp.gt.rogatory.example',
		authority: gt,
		name: 'Lucía Ramírez',
		title: 'Fiscal de enlace, Unidad de Cooperación Internacional; punto de contacto 24/7 para preservación de datos',
		roles: ['focal-point', 'focal-point-24-7'],
		languages: ['es', 'en'],
		hours: { timeZone: 'America/Guatemala', days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' },
		phone: '+502 2411 9191',
		email: 'lucia.ramirez@mp.gt.rogatory.example',
		matrixId: '@lucia.ramirez:matrix.mp.gt.rogatory.example',
		rota: [
			{ from: '2026-12-04T17:00-06:00', to: '2026-12-05T08:00-06:00' },
			{ from: '2026-12-05T08:00-06:00', to: '2026-12-07T08:00-06:00' },
		],
	},
	{
		id: '@ana.lopez:matrix.mp.gt.rogatory.example',
		authority: gt,
		name: 'Ana López',
		title: 'Fiscal',
		roles: ['prosecutor'],
		languages: ['es'],
		matrixId: '@ana.lopez:matrix.mp.gt.rogatory.example',
		rota: [],
	},
	{
		id: '@tunde.adeyemi:matrix.ca.ng.rogatory.example',
		authority: ng,
		name: 'Tunde Adeyemi',
		title: 'Head, 24/7 Network Point of Contact',
		roles: ['focal-point', 'focal-point-24-7'],
		languages: ['en', 'fr'],
		hours: { timeZone: 'Africa/Lagos', days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' },
		phone: '+234 9 461 1234',
		email: 'tunde.adeyemi@ca.ng.rogatory.example',
		matrixId: '@tunde.adeyemi:matrix.ca.ng.rogatory.example',
		rota: [
			{ from: '2026-12-01T00:00Z', to: '2026-12-08T00:00Z' },
			{ from: '2026-12-15T00:00Z', to: '2026-12-22T00:00Z' },
		],
	},
	{
		id: 'amina.bello',
		authority: ng,
		name: 'Amina Bello',
		roles: ['central-authority-officer'],
		languages: ['en'],
		email: 'amina.bello@ca.ng.rogatory.example',
		rota: [],
	},
	{
		id: '@aigerim.nurlanova:matrix.gpo.kz.rogatory.example',
		authority: kz,
		name: 'Айгерим Нурланова',
		latinName: 'Aigerim Nurlanova',
		title: 'Прокурор Департамента международного сотрудничества Генеральной прокуратуры',
		roles: ['prosecutor'],
		languages: ['ru', 'kk', 'en'],
		hours: { timeZone: 'Asia/Almaty', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:30' },
		phone: '+7 7172 71 25 00',
		matrixId: '@aigerim.nurlanova:matrix.gpo.kz.rogatory.example',
		rota: [],
	},
	{
		id: '@olga.kim:matrix.gpo.kz.rogatory.example',
		authority: kz,
		name: 'Ольга Ким',
		latinName: 'Olga Kim',
		title: 'Контактное лицо сети CASC',
		roles: ['focal-point'],
		languages: ['ru', 'en'],
		email: 'olga.kim@gpo.kz.rogatory.example',
		matrixId: '@olga.kim:matrix.gpo.kz.rogatory.example',
		rota: [],
	},
];

/** Text as people write it: Latin, Cyrillic, and the characters vCard escapes. */
const words = fc
	.array(
		fc.constantFrom('Ана', 'María', 'Нурланова', 'O’Brien', 'a,b', 'x;y', 'line\nbreak', 'back\\slash', 'é', '𝔘', '"q"', ' ', '\t', '^'),
		{
			minLength: 1,
			maxLength: 12,
		},
	)
	.map((parts) => parts.join(''));
const someText = fc
	.oneof(words, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 90 }))
	.filter((t) => t.trim() !== '' && !t.includes('\r'));

const localpart = fc.stringMatching(/^[a-z0-9._=\-/]{1,20}$/);
const server = fc.constantFrom('matrix.mp.gt.rogatory.example', 'matrix.ca.ng.rogatory.example', '127.0.10.1:18448', 'localhost');
const matrixId = fc.tuple(localpart, server).map(([l, s]) => `@${l}:${s}`);
const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }));
const hhmm = ([h, m]: [number, number]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
const hours = fc
	.record({
		timeZone: fc.constantFrom('America/Guatemala', 'Africa/Lagos', 'Asia/Almaty', 'Europe/Moscow', 'Pacific/Kiritimati', 'UTC'),
		days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
		times: fc.tuple(time, time).filter(([a, b]) => hhmm(a) !== hhmm(b)),
	})
	.map(({ timeZone, days, times }) => {
		const [from, to] = [hhmm(times[0]), hhmm(times[1])].sort();
		return { timeZone, days, from: from ?? '', to: to ?? '' };
	});
const instant = fc.date({ min: new Date('2020-01-01T00:00Z'), max: new Date('2035-01-01T00:00Z'), noInvalidDate: true });
const period = fc
	.tuple(instant, fc.integer({ min: 1, max: 14 * 24 * 60 }), fc.constantFrom('Z', '-06:00', '+05:45', '+14:00'))
	.map(([start, minutes, offset]) => {
		const written = (ms: number) => {
			const shift =
				offset === 'Z' ? 0 : (offset.startsWith('-') ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))) * 60_000;
			return new Date(ms + shift).toISOString().slice(0, 16) + offset;
		};
		const from = Math.floor(start.getTime() / 60_000) * 60_000;
		return { from: written(from), to: written(from + minutes * 60_000) };
	});

/** Any person entry import accepts, with `authorities` as the roster. */
export const arbitraryEntry = (authorities: readonly AuthorityId[]): fc.Arbitrary<PersonEntry> =>
	fc.record(
		{
			id: fc.oneof(matrixId, someText),
			authority: fc.constantFrom(...authorities),
			name: someText,
			latinName: someText,
			title: someText,
			roles: fc.subarray([...DIRECTORY_ROLES]).chain((roles) => fc.shuffledSubarray(roles, { minLength: roles.length })),
			languages: fc.shuffledSubarray(['es', 'en', 'fr', 'pt', 'ru', 'kk', 'pt-BR', 'uz-Cyrl', 'zh-Hant-TW']),
			hours,
			phone: fc.stringMatching(/^\+?[0-9 ()-]{3,20}$/).filter((t) => t.trim() !== ''),
			email: fc.emailAddress(),
			matrixId,
			rota: fc.array(period, { maxLength: 4 }),
		},
		{ requiredKeys: ['id', 'authority', 'name', 'roles', 'languages', 'rota'] },
	);
