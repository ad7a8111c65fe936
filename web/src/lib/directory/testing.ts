// Directory entries for the web app's unit tests: one Guatemalan authority,
// a 24/7 focal point who works in Guatemala City, a prosecutor without hours.
import type { AuthorityEntry, PersonEntry } from '#policies/directory/types.ts';
import type { AuthorityId, CountryCode, NetworkId } from '#policies/roster/types.ts';
import type { DirectoryView } from './core.ts';

export const GT = 'gt-mp' as AuthorityId;

export const GT_ENTRY: AuthorityEntry = {
	authority: GT,
	names: { es: 'Ministerio Público de Guatemala', en: 'Public Prosecutor’s Office of Guatemala' },
	country: 'GT' as CountryCode,
	kind: 'prosecution-service',
	channels: [{ kind: 'email', value: 'cooperacion@mp.gob.gt' }],
	requestLanguages: ['es', 'en'],
	requirements: { es: 'Solicitud por escrito.' },
	urgentProcedure: { es: 'Llame al punto 24/7.' },
	measures: ['preservation', 'subscriber-data'],
	offences: [],
	documents: [],
};

export const LUCIA: PersonEntry = {
	id: '@lucia.ramirez:mp.gt',
	authority: GT,
	name: 'Lucía Ramírez',
	roles: ['focal-point', 'focal-point-24-7'],
	languages: ['es-GT', 'en'],
	hours: { timeZone: 'America/Guatemala', days: [1, 2, 3, 4, 5], from: '08:00', to: '16:30' },
	matrixId: '@lucia.ramirez:mp.gt',
	rota: [],
};

export const ANA: PersonEntry = {
	id: '@ana.lopez:mp.gt',
	authority: GT,
	name: 'Ana López',
	roles: ['prosecutor'],
	languages: ['es'],
	matrixId: '@ana.lopez:mp.gt',
	rota: [],
};

export const stamp = { at: '2026-12-03T10:00:00Z', by: '@lucia.ramirez:mp.gt' };

export function viewOf(
	network: string,
	people: readonly PersonEntry[],
	authorities: readonly AuthorityEntry[] = [GT_ENTRY],
): DirectoryView {
	return {
		network: network as NetworkId,
		authorities: authorities.map((entry) => ({ entry, updated: stamp })),
		people: people.map((entry) => ({ entry, updated: stamp })),
		departed: [],
		editors: {},
		ignored: [],
		rosters: {},
		points247: false,
	};
}
