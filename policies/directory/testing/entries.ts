// Hand-written directory entries and payloads for the directory's unit tests:
// one Guatemalan authority with a prosecutor and a 24/7 focal point.
import type { OffenceCode } from '../../cases/ids/codes.ts';
import type { AuthorityId, CountryCode } from '../../roster/types.ts';
import type { TrustVerdict } from '../../trust/verdict.ts';
import { buildDirectoryContent } from '../events/build.ts';
import type { DirectoryArrival } from '../fold/fold.ts';
import type { AuthorityEntry, DirectoryPayload, PersonEntry, Stamp } from '../types.ts';

export const GT_MP = 'gt-mp' as AuthorityId;
export const GT_SERVER = 'matrix.mp.gt.rogatory.example';

export const stamp = (at: string, by = `@lucia.ramirez:${GT_SERVER}`): Stamp => ({ at, by });

export const GT_ENTRY: AuthorityEntry = {
	authority: GT_MP,
	names: { es: 'Ministerio Público de Guatemala', en: 'Public Prosecutor’s Office of Guatemala' },
	country: 'GT' as CountryCode,
	kind: 'prosecution-service',
	channels: [
		{ kind: 'email', value: 'cooperacion@mp.gob.gt' },
		{ kind: 'phone', value: '+502 2411 9191' },
		{ kind: 'matrix', value: `@lucia.ramirez:${GT_SERVER}` },
	],
	requestLanguages: ['es', 'en'],
	requirements: { es: 'Solicitud por escrito, traducida al español.', en: 'A written request, translated into Spanish.' },
	urgentProcedure: { es: 'Llame al punto 24/7 y envíe la solicitud después.', en: 'Call the 24/7 point, send the request afterwards.' },
	measures: ['preservation', 'subscriber-data', 'extradition'],
	offences: ['cybercrime' as OffenceCode, 'drug-trafficking' as OffenceCode],
	documents: [{ title: 'Código Procesal Penal', kind: 'law', url: 'https://www.mp.gob.gt/cpp.pdf', language: 'es' }],
	point247: `@lucia.ramirez:${GT_SERVER}`,
};

export const LUCIA: PersonEntry = {
	id: `@lucia.ramirez:${GT_SERVER}`,
	authority: GT_MP,
	name: 'Lucía Ramírez',
	title: 'Fiscal, punto de contacto 24/7',
	roles: ['focal-point', 'focal-point-24-7'],
	languages: ['es-GT', 'en'],
	hours: { timeZone: 'America/Guatemala', days: [1, 2, 3, 4, 5], from: '08:00', to: '16:30' },
	phone: '+502 5555 0101',
	email: 'lramirez@mp.gob.gt',
	matrixId: `@lucia.ramirez:${GT_SERVER}`,
	rota: [{ from: '2026-12-05T00:00:00-06:00', to: '2026-12-07T00:00:00-06:00' }],
};

export const ANA: PersonEntry = {
	id: `@ana.lopez:${GT_SERVER}`,
	authority: GT_MP,
	name: 'Ana López',
	roles: ['prosecutor'],
	languages: ['es'],
	rota: [],
};

export const authorityPayload = (entry: AuthorityEntry, at: string, by?: string): DirectoryPayload => ({
	type: 'authority',
	entry,
	updated: stamp(at, by),
});
export const personPayload = (entry: PersonEntry, at: string, by?: string): DirectoryPayload => ({
	type: 'person',
	entry,
	updated: stamp(at, by),
});

export const COUNTS: TrustVerdict = { counts: true, verification: 'cross-signed' };

/** An arrival of `payload` built as the web client sends it, trusted unless told. */
export const arrival = (eventId: string, sender: string, payload: DirectoryPayload, verdict: TrustVerdict = COUNTS): DirectoryArrival => ({
	eventId,
	sender,
	content: buildDirectoryContent(payload),
	verdict,
});
