// A deterministic directory of three networks (REFCO, WACAP, CASC) for tests:
// 24 authorities, 9 people each (216 contacts), names in Latin and Cyrillic
// scripts, working hours in many zones (liaison officers posted across the
// date line too), rotas, languages; written as the web client writes them
// (built content, the bridge naming editors, editors writing entries) and
// folded, so the views passed to search went through the whole chain.
// Seeded: the same seed always gives the same directory (no Math.random).
import type { OffenceCode } from '../../cases/ids/codes.ts';
import { bridgeUserId } from '../../roster/bridge.ts';
import { CASC, REFCO, WACAP } from '../../roster/testing/networks.ts';
import type { Authority, AuthorityId, CountryCode, Network, Roster } from '../../roster/types.ts';
import { foldDirectory, type DirectoryArrival } from '../fold/fold.ts';
import { AUTHORITY_KINDS, MEASURES, type AuthorityEntry, type DirectoryPayload, type DirectoryView, type PersonEntry } from '../types.ts';
import { arrival } from './entries.ts';
import { CYRILLIC_NAMES, LATIN_NAMES } from './names.ts';

/** mulberry32: a small seeded generator, enough for test data. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

type Script = 'es' | 'en' | 'fr' | 'pt' | 'ru';
interface Country {
	readonly code: string;
	readonly zone: string;
	readonly script: Script;
	readonly tag: string;
}
const c = (code: string, zone: string, script: Script, tag: string): Country => ({ code, zone, script, tag });

const COUNTRIES: ReadonlyArray<readonly [Network, readonly Country[]]> = [
	[
		REFCO,
		[
			c('GT', 'America/Guatemala', 'es', 'es-GT'),
			c('SV', 'America/El_Salvador', 'es', 'es-SV'),
			c('HN', 'America/Tegucigalpa', 'es', 'es-HN'),
			c('NI', 'America/Managua', 'es', 'es-NI'),
			c('CR', 'America/Costa_Rica', 'es', 'es-CR'),
			c('PA', 'America/Panama', 'es', 'es-PA'),
			c('DO', 'America/Santo_Domingo', 'es', 'es-DO'),
			c('MX', 'America/Mexico_City', 'es', 'es-MX'),
		],
	],
	[
		WACAP,
		[
			c('NG', 'Africa/Lagos', 'en', 'en-NG'),
			c('GH', 'Africa/Accra', 'en', 'en-GH'),
			c('LR', 'Africa/Monrovia', 'en', 'en-LR'),
			c('SN', 'Africa/Dakar', 'fr', 'fr-SN'),
			c('CI', 'Africa/Abidjan', 'fr', 'fr-CI'),
			c('ML', 'Africa/Bamako', 'fr', 'fr-ML'),
			c('CV', 'Atlantic/Cape_Verde', 'pt', 'pt-CV'),
			c('GW', 'Africa/Bissau', 'pt', 'pt-GW'),
		],
	],
	[
		CASC,
		[
			c('KZ', 'Asia/Almaty', 'ru', 'ru'),
			c('KG', 'Asia/Bishkek', 'ru', 'ru-KG'),
			c('TJ', 'Asia/Dushanbe', 'ru', 'ru'),
			c('UZ', 'Asia/Tashkent', 'ru', 'ru'),
			c('AM', 'Asia/Yerevan', 'ru', 'ru'),
			c('AZ', 'Asia/Baku', 'ru', 'ru'),
			c('GE', 'Asia/Tbilisi', 'ru', 'ru'),
			c('TM', 'Asia/Ashgabat', 'ru', 'ru'),
		],
	],
];

/** Where liaison officers are posted: both sides of the date line, and a zone with summer time. */
const POSTINGS = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Pacific/Auckland', 'Pacific/Tongatapu', 'Europe/Madrid', 'America/New_York'];
const OFFENCES = [
	'cybercrime',
	'drug-trafficking',
	'trafficking-in-persons',
	'money-laundering',
	'corruption',
	'migrant-smuggling',
] as OffenceCode[];
const PEOPLE_PER_AUTHORITY = 9;

/** The planted 24/7 focal point of kz-gpo the tests look for: on call Saturday 5 December 2026, 23:00 → Sunday 08:00 in Almaty. */
export const ANCHOR = {
	authority: 'kz-gpo' as AuthorityId,
	name: 'Айгерим Сейткалиева',
	latinName: 'Aigerim Seitkalieva',
	rota: [{ from: '2026-12-05T23:00:00+05:00', to: '2026-12-06T08:00:00+05:00' }],
} as const;

export interface GeneratedDirectory {
	readonly roster: Roster;
	readonly arrivals: Readonly<Record<string, readonly DirectoryArrival[]>>;
	readonly views: readonly DirectoryView[];
}

export function generateDirectory(seed = 12): GeneratedDirectory {
	const rnd = random(seed);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
	const some = <T>(list: readonly T[], p: number): T[] => list.filter(() => rnd() < p);
	const authorities: Authority[] = [];
	const arrivals: Record<string, DirectoryArrival[]> = {};
	let eventNo = 0;
	const send = (network: Network, sender: string, payload: DirectoryPayload) =>
		(arrivals[network.id] ??= []).push(arrival(`$gen${String(eventNo++).padStart(5, '0')}`, sender, payload));
	const at = () =>
		`2026-11-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}T${String(Math.floor(rnd() * 24)).padStart(2, '0')}:00:00Z`;

	for (const [network, countries] of COUNTRIES) {
		for (const country of countries) {
			const id = (country.code === 'KZ' ? 'kz-gpo' : `${country.code.toLowerCase()}-${pick(['mp', 'pg', 'ca', 'fgr'])}`) as AuthorityId;
			const server = `matrix.${id}.directory.example`;
			const bridge = bridgeUserId(server);
			authorities.push({
				id,
				name: `Authority ${id}`,
				country: country.code as CountryCode,
				homeserver: server,
				timeZone: country.zone,
				languages: [],
				memberships: [{ network: network.id, status: pick(['member', 'member', 'observer']) }],
			});

			const people: PersonEntry[] = [];
			for (let i = 0; i < PEOPLE_PER_AUTHORITY; i++) {
				const name =
					country.script === 'ru'
						? (() => {
								const [g, f] = [pick(CYRILLIC_NAMES.given), pick(CYRILLIC_NAMES.family)];
								return { name: `${g[0]} ${f[0]}`, latinName: `${g[1]} ${f[1]}` };
							})()
						: { name: `${pick(LATIN_NAMES[country.script].given)} ${pick(LATIN_NAMES[country.script].family)}` };
				const matrixId = `@p${i}:${server}`;
				const roles =
					i === 0
						? (['central-authority-officer'] as const)
						: i === 1
							? (['focal-point', 'focal-point-24-7'] as const)
							: i === 2
								? (['focal-point'] as const)
								: i === 8 && country === countries[0]
									? (['secretariat'] as const)
									: (['prosecutor'] as const);
				const posted = i === 7 ? (POSTINGS[authorities.length % POSTINGS.length] ?? country.zone) : country.zone;
				const from = pick(['07:30', '08:00', '09:00']);
				const start = Date.UTC(2026, 11, 1 + Math.floor(rnd() * 10), Math.floor(rnd() * 24));
				const rota =
					i === 1
						? [0, 1, 2].map((k) => ({
								from: new Date(start + k * 3 * 86_400_000).toISOString(),
								to: new Date(start + k * 3 * 86_400_000 + 12 * 3_600_000).toISOString(),
							}))
						: [];
				people.push({
					id: matrixId,
					authority: id,
					...name,
					...(i < 3 ? { title: pick(['Fiscal', 'Prosecutor', 'Procureur', 'Procurador', 'Прокурор']) } : {}),
					roles,
					languages: [
						country.tag,
						...some(
							['en', 'fr', 'es', 'pt', 'ru'].filter((l) => !country.tag.startsWith(l)),
							0.3,
						),
					],
					...(rnd() < 0.9 || i === 7
						? { hours: { timeZone: posted, days: [1, 2, 3, 4, 5], from, to: pick(['16:00', '17:00', '17:30']) } }
						: {}),
					...(rnd() < 0.6 ? { email: `p${i}@${id}.example.org` } : {}),
					...(rnd() < 0.6
						? { phone: `+${100 + Math.floor(rnd() * 899)} ${1000 + Math.floor(rnd() * 8999)} ${1000 + Math.floor(rnd() * 8999)}` }
						: {}),
					matrixId,
					rota,
				});
			}
			if (id === ANCHOR.authority) {
				const p = people[1] as PersonEntry;
				people[1] = {
					...p,
					name: ANCHOR.name,
					latinName: ANCHOR.latinName,
					languages: ['ru', 'kk', 'en'],
					hours: { timeZone: 'Asia/Almaty', days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' },
					rota: ANCHOR.rota,
				};
			}

			const editors = [people[0], people[1]].map((p) => p?.id ?? '');
			const own = country.script === 'ru' ? 'ru' : country.tag.slice(0, 2);
			const entry: AuthorityEntry = {
				authority: id,
				names: {
					[own]: `${pick(['Fiscalía', 'Procuradoria', 'Parquet', 'Прокуратура', 'Central Authority'])} ${country.code}`,
					en: `Prosecution service of ${country.code}`,
				},
				country: country.code as CountryCode,
				kind: pick(AUTHORITY_KINDS),
				channels: [{ kind: 'email', value: `mla@${id}.example.org` }],
				requestLanguages: [
					own,
					...some(
						['en', 'fr'].filter((l) => l !== own),
						0.5,
					),
				],
				requirements: { [own]: `Requirements of ${id} (${own})`, en: `Requirements of ${id}` },
				urgentProcedure: { [own]: `Urgent procedure of ${id} (${own})` },
				measures: id === ANCHOR.authority ? [...MEASURES] : some(MEASURES, 0.6),
				offences: rnd() < 0.5 ? [] : some(OFFENCES, 0.5),
				documents: [],
				point247: people[1]?.id ?? '',
			};
			send(network, bridge, { type: 'editors', authority: id, editors, updated: { at: '2026-10-01T00:00:00Z', by: bridge } });
			send(network, bridge, { type: 'authority', entry, updated: { at: at(), by: editors[0] ?? bridge } });
			people.forEach((p, i) => {
				const sender = i % 2 === 0 ? bridge : (editors[i % 4 === 1 ? 1 : 0] ?? bridge);
				send(network, sender, { type: 'person', entry: p, updated: { at: at(), by: sender } });
			});
			// A prosecutor who is no editor tries to rewrite a colleague's entry: every reader ignores it.
			send(network, people[3]?.id ?? '', {
				type: 'person',
				entry: { ...(people[4] as PersonEntry), name: 'Impostor' },
				updated: { at: '2026-11-30T00:00:00Z', by: people[3]?.id ?? '' },
			});
		}
	}

	const roster: Roster = { networks: [REFCO, WACAP, CASC], authorities, people: [], crossNetworkLinks: [] };
	const serverOf = (a: AuthorityId) => authorities.find((x) => x.id === a)?.homeserver;
	const views = [REFCO, WACAP, CASC].map((n) => foldDirectory({ network: n.id, roster, serverOf, events: arrivals[n.id] ?? [] }));
	return { roster, arrivals, views };
}
