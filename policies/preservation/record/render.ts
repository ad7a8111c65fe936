// The readable body of a preservation event, for stock Matrix clients
// (ARCHITECTURE.md, decision 3), in the five languages: one fact per line,
// dates as sent (ISO 8601 with offset). The payload stays the authority, so
// rendering never fails. A built-in rule is named in the language (names.ts),
// a national one by its id.
import type { Language } from '../../roster/types.ts';
import { COLON } from '../../cases/i18n/phrases.ts';
import { ruleNameById } from '../names.ts';
import type { PreservationEvent } from './types.ts';

type Words = Readonly<Record<Language, string>>;
const w = (en: string, es: string, fr: string, pt: string, ru: string): Words => ({ en, es, fr, pt, ru });

export const PRESERVATION_PHRASES = {
	requested: w(
		'Preservation requested',
		'Conservación solicitada',
		'Conservation demandée',
		'Preservação solicitada',
		'Запрошено обеспечение сохранности',
	),
	custodian: w('Custodian', 'Custodio', 'Détenteur', 'Custodiante', 'Держатель данных'),
	identifiers: w('Data', 'Datos', 'Données', 'Dados', 'Данные'),
	ranges: w('Periods', 'Períodos', 'Périodes', 'Períodos', 'Периоды'),
	rule: w('Rule', 'Norma', 'Règle', 'Norma', 'Норма'),
	zone: w('Legal time zone', 'Zona horaria legal', 'Fuseau horaire légal', 'Fuso horário legal', 'Юридический часовой пояс'),
	sent: w('Sent', 'Enviada', 'Envoyée', 'Enviada', 'Направлен'),
	confirmed: w(
		'Preservation confirmed, effective',
		'Conservación confirmada, efectiva desde',
		'Conservation confirmée, effective le',
		'Preservação confirmada, efetiva desde',
		'Сохранность обеспечена с',
	),
	extended: w(
		'Preservation extended, extension',
		'Conservación prorrogada, prórroga',
		'Conservation prolongée, prolongation',
		'Preservação prorrogada, prorrogação',
		'Сохранность продлена, продление',
	),
	followUp: w(
		'Follow-up MLA request sent',
		'Solicitud de asistencia posterior enviada',
		'Demande d’entraide subséquente envoyée',
		'Pedido de auxílio subsequente enviado',
		'Направлен последующий запрос о правовой помощи',
	),
	reference: w('Reference', 'Referencia', 'Référence', 'Referência', 'Номер'),
	room: w('Case room', 'Sala del caso', 'Salon du dossier', 'Sala do caso', 'Комната дела'),
	released: w('Preservation released', 'Conservación levantada', 'Conservation levée', 'Preservação levantada', 'Сохранность прекращена'),
	note: w('Note', 'Nota', 'Note', 'Nota', 'Примечание'),
	preservation: w('Preservation', 'Conservación', 'Conservation', 'Preservação', 'Сохранность'),
} as const;

export type PreservationPhrase = keyof typeof PRESERVATION_PHRASES;

export function renderPreservationBody(event: PreservationEvent, language: Language): string {
	const say = (p: PreservationPhrase) => PRESERVATION_PHRASES[p][language];
	const line = (p: PreservationPhrase, value: string) => `${say(p)}${COLON[language]}${value}`;
	switch (event.type) {
		case 'preservation-requested':
			return [
				line('requested', event.custodian),
				line('identifiers', event.identifiers.join('; ')),
				...(event.ranges.length === 0 ? [] : [line('ranges', event.ranges.join('; '))]),
				line('rule', ruleNameById(event.rule, undefined, language)),
				...(event.zone === undefined ? [] : [line('zone', event.zone)]),
				line('sent', event.sent),
			].join('\n');
		case 'preservation-confirmed':
			return [line('confirmed', event.confirmedAt), line('preservation', event.preservation)].join('\n');
		case 'preservation-extended':
			return [line('extended', String(event.extension)), line('preservation', event.preservation)].join('\n');
		case 'preservation-follow-up':
			return [
				say('followUp'),
				...(event.room === undefined ? [] : [line('room', event.room)]),
				...(event.reference === undefined ? [] : [line('reference', event.reference)]),
				line('preservation', event.preservation),
			].join('\n');
		case 'preservation-released':
			return [
				say('released'),
				...(event.note === undefined ? [] : [line('note', event.note)]),
				line('preservation', event.preservation),
			].join('\n');
	}
}
