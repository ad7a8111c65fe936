// The words of plenaries in the five product languages: levels, choices,
// results, why an event was not taken, the minutes export's headings, and
// the warning that votes are not secret, which every screen that shows or
// takes a vote must show (MATRIX-NOTES.md: the servers see who answered
// which poll; members see who answered what). Portuguese is European
// (WACAP's members). The export reads its headings here, so two readers in
// the same language write the same bytes.
import type { LabelTable, Labels } from '../../cases/i18n/labels.ts';
import type { Choice, DecisionResult } from '../polls/types.ts';
import type { PlenaryIgnoredKind, PlenaryLevel } from '../types.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

/** Shown beside every vote, and in the minutes above the decisions. */
export const VOTES_NOT_SECRET: Labels = l(
	'Votes are not secret: every member of the plenary room sees who voted and what they chose, and the servers of the room see who answered each vote.',
	'Las votaciones no son secretas: todos los miembros de la sala plenaria ven quién votó y qué eligió, y los servidores de la sala ven quién respondió a cada votación.',
	'Les votes ne sont pas secrets : chaque membre du salon de la plénière voit qui a voté et ce qu’il a choisi, et les serveurs du salon voient qui a répondu à chaque vote.',
	'As votações não são secretas: todos os membros da sala plenária veem quem votou e o que escolheu, e os servidores da sala veem quem respondeu a cada votação.',
	'Голосование не тайное: каждый участник комнаты пленарного заседания видит, кто как проголосовал, а серверы комнаты видят, кто ответил на каждое голосование.',
);

export const PLENARY_LEVEL_LABELS: LabelTable<PlenaryLevel> = {
	ministerial: l('Ministerial', 'Ministerial', 'Ministériel', 'Ministerial', 'На уровне министров'),
	expert: l('Expert', 'De expertos', 'D’experts', 'De peritos', 'На уровне экспертов'),
};

export const CHOICE_LABELS: LabelTable<Choice> = {
	for: l('For', 'A favor', 'Pour', 'A favor', 'За'),
	against: l('Against', 'En contra', 'Contre', 'Contra', 'Против'),
	abstain: l('Abstain', 'Abstención', 'Abstention', 'Abstenção', 'Воздержались'),
};

export const DECISION_RESULT_LABELS: LabelTable<DecisionResult> = {
	adopted: l('Adopted', 'Aprobada', 'Adoptée', 'Aprovada', 'Принято'),
	rejected: l('Rejected', 'Rechazada', 'Rejetée', 'Rejeitada', 'Отклонено'),
	'no-quorum': l('No quorum', 'Sin quórum', 'Quorum non atteint', 'Sem quórum', 'Нет кворума'),
	open: l('Voting open', 'Votación abierta', 'Vote en cours', 'Votação em curso', 'Голосование открыто'),
};

export const PLENARY_IGNORED_LABELS: LabelTable<PlenaryIgnoredKind> = {
	untrusted: l(
		'Not from a verified device',
		'No procede de un dispositivo verificado',
		'Ne provient pas d’un appareil vérifié',
		'Não provém de um dispositivo verificado',
		'Отправлено не с проверенного устройства',
	),
	malformed: l('Unreadable event', 'Evento ilegible', 'Événement illisible', 'Evento ilegível', 'Нечитаемое событие'),
	'duplicate-event-id': l(
		'Two different events under one ID',
		'Dos eventos distintos con el mismo identificador',
		'Deux événements différents sous un même identifiant',
		'Dois eventos diferentes com o mesmo identificador',
		'Два разных события с одним идентификатором',
	),
	'not-secretariat': l(
		'Only the secretariat may do this',
		'Solo la secretaría puede hacerlo',
		'Seul le secrétariat peut le faire',
		'Só o secretariado o pode fazer',
		'Это может делать только секретариат',
	),
	'not-member': l(
		'Not from a member authority of the network',
		'No procede de una autoridad miembro de la red',
		'Ne provient pas d’une autorité membre du réseau',
		'Não provém de uma autoridade membro da rede',
		'Отправлено не органом — членом сети',
	),
	'unknown-plenary': l(
		'About a plenary that was not announced',
		'Sobre una plenaria no anunciada',
		'Concerne une plénière non annoncée',
		'Sobre uma plenária não anunciada',
		'Относится к необъявленному пленарному заседанию',
	),
	'unknown-item': l(
		'About an item not on the agenda',
		'Sobre un punto que no figura en el orden del día',
		'Concerne un point absent de l’ordre du jour',
		'Sobre um ponto que não consta da ordem de trabalhos',
		'Относится к пункту, которого нет в повестке дня',
	),
	'vote-after-end': l(
		'Vote sent after the vote closed',
		'Voto enviado después del cierre de la votación',
		'Vote envoyé après la clôture du scrutin',
		'Voto enviado depois do encerramento da votação',
		'Голос отправлен после закрытия голосования',
	),
	'may-not-end': l(
		'Only the secretariat may close a vote',
		'Solo la secretaría puede cerrar una votación',
		'Seul le secrétariat peut clore un vote',
		'Só o secretariado pode encerrar uma votação',
		'Закрыть голосование может только секретариат',
	),
};

/** Why the minutes cannot be exported (export/minutes.ts, MinutesRefusal). */
export const MINUTES_REFUSAL_LABELS: LabelTable<'no-minutes' | 'language-not-of-plenary' | 'no-minutes-text'> = {
	'no-minutes': l(
		'No minutes have been posted for this plenary.',
		'Aún no se ha publicado el acta de esta plenaria.',
		'Le procès-verbal de cette plénière n’a pas encore été publié.',
		'A ata desta plenária ainda não foi publicada.',
		'Протокол этого пленарного заседания ещё не опубликован.',
	),
	'language-not-of-plenary': l(
		'This language is not a language of the plenary.',
		'Este idioma no es un idioma de la plenaria.',
		'Cette langue n’est pas une langue de la plénière.',
		'Esta língua não é uma língua da plenária.',
		'Этот язык не является языком пленарного заседания.',
	),
	'no-minutes-text': l(
		'The minutes have not been given in this language.',
		'El acta no se ha publicado en este idioma.',
		'Le procès-verbal n’a pas été publié dans cette langue.',
		'A ata não foi publicada nesta língua.',
		'Протокол не опубликован на этом языке.',
	),
};

export const MINUTES_HEADINGS = [
	'minutes',
	'plenary',
	'host',
	'dates',
	'level',
	'languages',
	'cancelled',
	'agenda',
	'participants',
	'no-participants',
	'decisions',
	'no-decisions',
	'result',
	'quorum',
	'no-answer',
	'proceedings',
	'documents',
] as const;
export type MinutesHeading = (typeof MINUTES_HEADINGS)[number];

/** The minutes export's headings and fixed sentences. */
export const MINUTES_LABELS: LabelTable<MinutesHeading> = {
	minutes: l('Minutes', 'Acta', 'Procès-verbal', 'Ata', 'Протокол'),
	plenary: l('Plenary', 'Plenaria', 'Plénière', 'Plenária', 'Пленарное заседание'),
	host: l('Host country', 'País anfitrión', 'Pays hôte', 'País anfitrião', 'Принимающая страна'),
	dates: l('Dates', 'Fechas', 'Dates', 'Datas', 'Даты'),
	level: l('Level', 'Nivel', 'Niveau', 'Nível', 'Уровень'),
	languages: l('Languages', 'Idiomas', 'Langues', 'Línguas', 'Языки'),
	cancelled: l(
		'This plenary was cancelled.',
		'Esta plenaria fue cancelada.',
		'Cette plénière a été annulée.',
		'Esta plenária foi cancelada.',
		'Это пленарное заседание отменено.',
	),
	agenda: l('Agenda', 'Orden del día', 'Ordre du jour', 'Ordem de trabalhos', 'Повестка дня'),
	participants: l('Participants', 'Participantes', 'Participants', 'Participantes', 'Участники'),
	'no-participants': l(
		'No participant has confirmed attendance.',
		'Ningún participante ha confirmado su asistencia.',
		'Aucun participant n’a confirmé sa présence.',
		'Nenhum participante confirmou a presença.',
		'Никто не подтвердил участие.',
	),
	decisions: l('Decisions', 'Decisiones', 'Décisions', 'Decisões', 'Решения'),
	'no-decisions': l(
		'No vote was taken.',
		'No se realizó ninguna votación.',
		'Aucun vote n’a eu lieu.',
		'Não houve nenhuma votação.',
		'Голосований не проводилось.',
	),
	result: l('Result', 'Resultado', 'Résultat', 'Resultado', 'Итог'),
	quorum: l(
		'Authorities answering / quorum',
		'Autoridades que respondieron / quórum',
		'Autorités ayant répondu / quorum',
		'Autoridades que responderam / quórum',
		'Ответившие органы / кворум',
	),
	'no-answer': l('No valid answer', 'Sin respuesta válida', 'Sans réponse valable', 'Sem resposta válida', 'Без действительного ответа'),
	proceedings: l('Proceedings', 'Desarrollo de la sesión', 'Déroulement de la séance', 'Desenvolvimento da sessão', 'Ход заседания'),
	documents: l('Documents', 'Documentos', 'Documents', 'Documentos', 'Документы'),
};
