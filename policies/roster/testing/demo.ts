// The demo roster as a test fixture: what the files `npm start` runs
// (deploy/roster/default.yaml and the demo people files) make, held to it by
// deploy/roster/demo-files.test.ts; imported only by tests and their support
// (the house rules keep testing/ out of what runs). Each authority gets a prosecutor, a central-authority
// officer, a focal point and an administrator (who may end the web sessions
// of the authority's people); each network gets a secretariat account.
// NOTE: for the demo, a network's secretariat account lives on the homeserver
// of the demo authority in that network; in production each secretariat runs
// its own homeserver (a roster entry of its own).
import { CASC, NETWORKS, REFCO, WACAP } from './networks.ts';
import type { Authority, AuthorityId, CountryCode, Person, Roster } from '../types.ts';

const authority = (value: string) => value as AuthorityId;
const country = (value: string) => value as CountryCode;

export const EL_SALVADOR: Authority = {
	id: authority('sv-fgr'),
	name: 'Fiscalía General de la República de El Salvador',
	country: country('SV'),
	homeserver: 'matrix.fgr.sv.rogatory.example',
	timeZone: 'America/El_Salvador',
	languages: ['es'],
	memberships: [{ network: REFCO.id, status: 'member' }],
};

export const GUATEMALA: Authority = {
	id: authority('gt-mp'),
	name: 'Ministerio Público de Guatemala',
	country: country('GT'),
	homeserver: 'matrix.mp.gt.rogatory.example',
	timeZone: 'America/Guatemala',
	languages: ['es'],
	memberships: [{ network: REFCO.id, status: 'member', since: '2011-11-01' }],
};

export const NIGERIA: Authority = {
	id: authority('ng-ca'),
	name: 'Central Authority Unit, Federal Ministry of Justice of Nigeria',
	country: country('NG'),
	homeserver: 'matrix.ca.ng.rogatory.example',
	timeZone: 'Africa/Lagos',
	languages: ['en'],
	memberships: [{ network: WACAP.id, status: 'member' }],
};

export const KAZAKHSTAN: Authority = {
	id: authority('kz-gpo'),
	name: 'Prosecutor General’s Office of the Republic of Kazakhstan',
	country: country('KZ'),
	homeserver: 'matrix.gpo.kz.rogatory.example',
	timeZone: 'Asia/Almaty',
	languages: ['ru', 'en'],
	memberships: [{ network: CASC.id, status: 'member' }],
};

const people: Person[] = [
	{ localpart: 'marta.alvarado', displayName: 'Marta Alvarado', authority: EL_SALVADOR.id, roles: ['prosecutor'], language: 'es' },
	{
		localpart: 'roberto.castillo',
		displayName: 'Roberto Castillo',
		authority: EL_SALVADOR.id,
		roles: ['central-authority-officer'],
		language: 'es',
	},
	{
		localpart: 'gabriela.flores',
		displayName: 'Gabriela Flores',
		authority: EL_SALVADOR.id,
		roles: ['focal-point', 'focal-point-24-7'],
		language: 'es',
	},
	{
		localpart: 'jorge.hernandez',
		displayName: 'Jorge Hernández',
		authority: EL_SALVADOR.id,
		roles: ['authority-administrator'],
		language: 'es',
	},

	{ localpart: 'ana.lopez', displayName: 'Ana López', authority: GUATEMALA.id, roles: ['prosecutor'], language: 'es' },
	{
		localpart: 'carlos.mendez',
		displayName: 'Carlos Méndez',
		authority: GUATEMALA.id,
		roles: ['central-authority-officer'],
		language: 'es',
	},
	{
		localpart: 'lucia.ramirez',
		displayName: 'Lucía Ramírez',
		authority: GUATEMALA.id,
		roles: ['focal-point', 'focal-point-24-7'],
		language: 'es',
	},
	{
		localpart: 'refco.secretariat',
		displayName: 'REFCO Secretariat',
		authority: GUATEMALA.id,
		roles: ['secretariat'],
		language: 'es',
		secretariatOf: REFCO.id,
	},
	{
		localpart: 'sofia.herrera',
		displayName: 'Sofía Herrera',
		authority: GUATEMALA.id,
		roles: ['authority-administrator'],
		language: 'es',
	},

	{ localpart: 'chinedu.okafor', displayName: 'Chinedu Okafor', authority: NIGERIA.id, roles: ['prosecutor'], language: 'en' },
	{ localpart: 'amina.bello', displayName: 'Amina Bello', authority: NIGERIA.id, roles: ['central-authority-officer'], language: 'en' },
	{
		localpart: 'tunde.adeyemi',
		displayName: 'Tunde Adeyemi',
		authority: NIGERIA.id,
		roles: ['focal-point', 'focal-point-24-7'],
		language: 'en',
	},
	{
		localpart: 'wacap.secretariat',
		displayName: 'WACAP Secretariat',
		authority: NIGERIA.id,
		roles: ['secretariat'],
		language: 'fr',
		secretariatOf: WACAP.id,
	},
	{ localpart: 'ngozi.eze', displayName: 'Ngozi Eze', authority: NIGERIA.id, roles: ['authority-administrator'], language: 'en' },

	{ localpart: 'aigerim.nurlanova', displayName: 'Айгерим Нурланова', authority: KAZAKHSTAN.id, roles: ['prosecutor'], language: 'ru' },
	{
		localpart: 'daniyar.seitkali',
		displayName: 'Данияр Сейткали',
		authority: KAZAKHSTAN.id,
		roles: ['central-authority-officer'],
		language: 'ru',
	},
	{ localpart: 'olga.kim', displayName: 'Ольга Ким', authority: KAZAKHSTAN.id, roles: ['focal-point'], language: 'ru' },
	{
		localpart: 'casc.secretariat',
		displayName: 'CASC Secretariat',
		authority: KAZAKHSTAN.id,
		roles: ['secretariat'],
		language: 'ru',
		secretariatOf: CASC.id,
	},
	{ localpart: 'aslan.bekov', displayName: 'Аслан Беков', authority: KAZAKHSTAN.id, roles: ['authority-administrator'], language: 'ru' },
];

export const demoRoster: Roster = {
	networks: NETWORKS,
	authorities: [EL_SALVADOR, GUATEMALA, NIGERIA, KAZAKHSTAN],
	people,
	crossNetworkLinks: [
		{
			between: [GUATEMALA.id, NIGERIA.id],
			why: 'Cocaine route from Central America through West Africa: MLA and extradition between REFCO and WACAP members.',
		},
		{
			between: [NIGERIA.id, KAZAKHSTAN.id],
			why: 'Trafficking in persons and money-laundering cases spanning WACAP and CASC.',
		},
	],
};
