// Hand-written plenary events for the plenary unit tests: a REFCO plenary in
// Spanish and English with three agenda items, a secretariat account, members
// of three authorities, an outsider, and builders for each kind of arrival.
// Times are fixed (T0 and minutes after it): no test reads a clock.
import type { AuthorityId, CountryCode } from '../../roster/types.ts';
import type { TrustVerdict } from '../../trust/verdict.ts';
import type { EventId } from '../../cases/ids/matrix.ts';
import { buildPlenaryContent } from '../events/build.ts';
import { buildDecisionPoll, buildPollEnd, buildPollResponse, type DecisionPollInput } from '../polls/build.ts';
import { POLL_END_TYPE, POLL_RESPONSE_TYPE, POLL_START_TYPE } from '../polls/types.ts';
import type { EncryptedFile, Plenary, PlenaryArrival, PlenaryFoldContext, PlenaryPayload } from '../types.ts';

export const GT_MP = 'gt-mp' as AuthorityId;
export const SV_FGR = 'sv-fgr' as AuthorityId;
export const HN_MP = 'hn-mp' as AuthorityId;

export const SECRETARIAT = '@secretaria:refco.rogatory.example';
export const ANA = '@ana:mp.gt.rogatory.example';
export const BETO = '@beto:mp.gt.rogatory.example';
export const CARLA = '@carla:fgr.sv.rogatory.example';
export const DIEGO = '@diego:mp.hn.rogatory.example';
export const OUTSIDER = '@eve:elsewhere.example';

export const CONTEXT: PlenaryFoldContext = {
	secretariat: new Set([SECRETARIAT]),
	servers: new Map([
		['mp.gt.rogatory.example', GT_MP],
		['fgr.sv.rogatory.example', SV_FGR],
		['mp.hn.rogatory.example', HN_MP],
	]),
};

/** 2026-11-03 09:00 UTC; events are stamped minutes after it. */
export const T0 = Date.UTC(2026, 10, 3, 9, 0, 0);
export const at = (minutes: number): number => T0 + minutes * 60_000;

export const COUNTS: TrustVerdict = { counts: true, verification: 'cross-signed' };
export const UNSIGNED: TrustVerdict = {
	counts: false,
	code: 'unsigned-device',
	reason: 'sent from a device its owner has not cross-signed',
};

export const FILE: EncryptedFile = {
	url: 'mxc://refco.rogatory.example/DeclaracionSanSalvador',
	key: { kty: 'oct', key_ops: ['encrypt', 'decrypt'], alg: 'A256CTR', k: 'qcHVMSgYg-71CauWBezXI5qkaRb0LuIy-Wx5kIaHMIA', ext: true },
	iv: 'X85+XgHN+HEAAAAAAAAAAA',
	hashes: { sha256: 'uN4lHh3ljG5zDSmWRqfFN2m4JgAfdWt5sWP1TiYu6zk' },
	v: 'v2',
};

export const PLENARY: Plenary = {
	id: 'refco-2026-1',
	host: 'SV' as CountryCode,
	start: '2026-11-03',
	end: '2026-11-05',
	level: 'expert',
	title: { es: 'XII Reunión Plenaria de REFCO', en: 'REFCO 12th Plenary Meeting' },
	languages: ['es', 'en'],
	agenda: [
		{ id: 'opening', title: { es: 'Apertura', en: 'Opening' } },
		{ id: 'guide', title: { es: 'Guía de evidencia electrónica', en: 'Electronic evidence guide' } },
		{ id: 'next-host', title: { es: 'Sede de la próxima plenaria', en: 'Host of the next plenary' } },
	],
	documents: [{ title: 'Declaración de San Salvador', file: FILE, info: { mimetype: 'application/pdf', size: 48_213 } }],
	cancelled: false,
};

export function arrival(
	eventId: string,
	sender: string,
	minutes: number,
	type: string,
	content: unknown,
	verdict: TrustVerdict = COUNTS,
): PlenaryArrival {
	return { eventId, sender, type, originServerTs: at(minutes), content, verdict };
}

export function message(
	eventId: string,
	sender: string,
	minutes: number,
	payload: PlenaryPayload,
	verdict: TrustVerdict = COUNTS,
): PlenaryArrival {
	const content = buildPlenaryContent(payload);
	if (!content.ok) throw new Error(`fixture does not build: ${content.error}`);
	return arrival(eventId, sender, minutes, 'm.room.message', content.value, verdict);
}

export const announce = (eventId: string, minutes: number, plenary: Plenary = PLENARY, sender = SECRETARIAT): PlenaryArrival =>
	message(eventId, sender, minutes, { type: 'plenary', plenary });

export const attend = (eventId: string, sender: string, minutes: number, attending = true, plenary = PLENARY.id): PlenaryArrival =>
	message(eventId, sender, minutes, { type: 'attendance', plenary, attending });

export const GUIDE_VOTE: DecisionPollInput = {
	plenary: PLENARY.id,
	item: 'guide',
	quorum: 2,
	question: '¿Se aprueba la guía de evidencia electrónica?',
	answers: { for: 'Sí', against: 'No', abstain: 'Abstención' },
};

export function pollStart(eventId: string, minutes: number, input: DecisionPollInput = GUIDE_VOTE, sender = SECRETARIAT): PlenaryArrival {
	const content = buildDecisionPoll(input);
	if (!content.ok) throw new Error(`fixture does not build: ${content.error}`);
	return arrival(eventId, sender, minutes, POLL_START_TYPE, content.value);
}

export const vote = (
	eventId: string,
	sender: string,
	minutes: number,
	poll: string,
	answers: readonly string[],
	verdict: TrustVerdict = COUNTS,
): PlenaryArrival => arrival(eventId, sender, minutes, POLL_RESPONSE_TYPE, buildPollResponse(poll as EventId, answers), verdict);

export const endPoll = (eventId: string, sender: string, minutes: number, poll: string): PlenaryArrival =>
	arrival(eventId, sender, minutes, POLL_END_TYPE, buildPollEnd(poll as EventId, 'La votación ha terminado.'));
