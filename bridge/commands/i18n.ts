// The chat commands' words in the five product languages (ARCHITECTURE.md,
// decision 10). Case vocabulary (statuses, kinds, sides) comes from
// policies/cases' label book; this table holds only the replies' own
// phrases. `{name}` marks a value filled in by the renderer. The type makes a
// missing language a compile error; i18n.test.ts checks every entry is
// filled and keeps the placeholders of the English one.
import type { Language } from '../../policies/roster/types.ts';

type Phrase = Readonly<Record<Language, string>>;

const p = (en: string, es: string, fr: string, pt: string, ru: string): Phrase => ({ en, es, fr, pt, ru });

export const PHRASES = {
	statusTitle: p('Request status', 'Estado de la solicitud', 'État de la demande', 'Estado do pedido', 'Состояние запроса'),
	unopened: p(
		'No request has been opened in this room yet.',
		'Todavía no se ha abierto ninguna solicitud en esta sala.',
		'Aucune demande n’a encore été ouverte dans ce salon.',
		'Ainda não foi aberto nenhum pedido nesta sala.',
		'В этой комнате ещё не открыт ни один запрос.',
	),
	kind: p('Kind: {kind}', 'Tipo: {kind}', 'Type : {kind}', 'Tipo: {kind}', 'Вид: {kind}'),
	title: p('Title: {title}', 'Título: {title}', 'Titre : {title}', 'Título: {title}', 'Название: {title}'),
	hiddenControls: p(
		'(⚠ hidden direction controls: it may not read as written)',
		'(⚠ controles de dirección ocultos: puede no leerse como se escribió)',
		'(⚠ caractères de direction cachés : il peut ne pas se lire comme il a été écrit)',
		'(⚠ controlos de direção ocultos: pode não se ler como foi escrito)',
		'(⚠ скрытые символы направления: текст может читаться не так, как написан)',
	),
	party: p('{side}: {name}', '{side}: {name}', '{side} : {name}', '{side}: {name}', '{side}: {name}'),
	reference: p('reference {reference}', 'referencia {reference}', 'référence {reference}', 'referência {reference}', 'номер {reference}'),
	status: p('Status: {status}', 'Estado: {status}', 'Statut : {status}', 'Estado: {status}', 'Статус: {status}'),
	lastChange: p(
		'Last change: {when}',
		'Último cambio: {when}',
		'Dernière modification : {when}',
		'Última alteração: {when}',
		'Последнее изменение: {when}',
	),
	noConflict: p(
		'Open conflict: none',
		'Conflicto abierto: ninguno',
		'Conflit ouvert : aucun',
		'Conflito em aberto: nenhum',
		'Открытый конфликт: нет',
	),
	conflict: p(
		'Open conflict: from “{status}”, competing moves to {targets}; settle it in the case page',
		'Conflicto abierto: desde «{status}», cambios concurrentes a {targets}; resuélvalo en la página del caso',
		'Conflit ouvert : depuis « {status} », changements concurrents vers {targets} ; réglez-le sur la page du dossier',
		'Conflito em aberto: a partir de «{status}», alterações concorrentes para {targets}; resolva-o na página do processo',
		'Открытый конфликт: из «{status}» конкурирующие переходы в {targets}; разрешите его на странице дела',
	),
	rejected: p(
		'Rejected events: {count}',
		'Eventos rechazados: {count}',
		'Événements refusés : {count}',
		'Eventos recusados: {count}',
		'Отклонённые события: {count}',
	),
	deadlinesTitle: p(
		'Upcoming deadlines (dates in {zone})',
		'Próximos plazos (fechas en {zone})',
		'Échéances à venir (dates en {zone})',
		'Próximos prazos (datas em {zone})',
		'Ближайшие сроки (даты по {zone})',
	),
	noDeadlines: p(
		'No upcoming deadlines in this room.',
		'No hay plazos próximos en esta sala.',
		'Aucune échéance à venir dans ce salon.',
		'Não há prazos próximos nesta sala.',
		'В этой комнате нет ближайших сроков.',
	),
	'deadline.respond-by': p('Answer by', 'Responder antes del', 'Réponse attendue le', 'Responder até', 'Ответить до'),
	dueToday: p('due today', 'vence hoy', 'échéance aujourd’hui', 'vence hoje', 'срок сегодня'),
	daysLeft: p('{days} left', 'quedan {days}', 'reste {days}', 'faltam {days}', 'осталось {days}'),
	overdue: p('overdue by {days}', 'vencido hace {days}', 'en retard de {days}', 'em atraso há {days}', 'просрочено на {days}'),
	helpTitle: p(
		'Rogatory bridge commands:',
		'Órdenes del puente Rogatory:',
		'Commandes du pont Rogatory :',
		'Comandos da ponte Rogatory:',
		'Команды моста Rogatory:',
	),
	'help.status': p(
		'the request’s current status',
		'el estado actual de la solicitud',
		'l’état actuel de la demande',
		'o estado atual do pedido',
		'текущее состояние запроса',
	),
	'help.deadlines': p(
		'the room’s upcoming deadlines',
		'los próximos plazos de la sala',
		'les échéances à venir du salon',
		'os próximos prazos da sala',
		'ближайшие сроки этой комнаты',
	),
	'help.help': p('this help', 'esta ayuda', 'cette aide', 'esta ajuda', 'эта справка'),
	'help.trust': p(
		'<Matrix ID>: approve the new identity of a counterpart whose identity changed, once confirmed with them; for officers and administrators',
		'<ID de Matrix>: aprobar la nueva identidad de una contraparte cuya identidad cambió, una vez confirmada con ella; para funcionarios y administradores',
		'<ID Matrix> : approuver la nouvelle identité d’un interlocuteur dont l’identité a changé, une fois confirmée avec lui ; pour les agents et administrateurs',
		'<ID Matrix>: aprovar a nova identidade de uma contraparte cuja identidade mudou, depois de confirmada com ela; para funcionários e administradores',
		'<Matrix ID>: одобрить новую личность собеседника, чья личность изменилась, после подтверждения с ним; для сотрудников и администраторов',
	),
	helpRoster: p(
		'This bridge runs roster version {version} (SHA-256 {sha256}).',
		'Este puente usa la versión {version} de la lista de miembros (SHA-256 {sha256}).',
		'Ce pont utilise la version {version} de la liste des membres (SHA-256 {sha256}).',
		'Esta ponte usa a versão {version} da lista de membros (SHA-256 {sha256}).',
		'Этот мост работает со списком участников версии {version} (SHA-256 {sha256}).',
	),
	trustApproved: p(
		'Approved the new identity of {user} (first seen {when}). Their events count again from now on; those refused before stay refused.',
		'Aprobada la nueva identidad de {user} (vista por primera vez el {when}). Sus eventos vuelven a contar desde ahora; los rechazados antes siguen rechazados.',
		'Nouvelle identité de {user} approuvée (vue pour la première fois le {when}). Ses événements comptent de nouveau à partir de maintenant ; ceux refusés avant restent refusés.',
		'Aprovada a nova identidade de {user} (vista pela primeira vez em {when}). Os seus eventos voltam a contar a partir de agora; os recusados antes continuam recusados.',
		'Новая личность {user} одобрена (впервые замечена {when}). Его события снова учитываются с этого момента; отклонённые ранее остаются отклонёнными.',
	),
	trustNothing: p(
		'The register holds no changed identity of {user} waiting for approval.',
		'El registro no tiene ninguna identidad cambiada de {user} pendiente de aprobación.',
		'Le registre ne contient aucune identité changée de {user} en attente d’approbation.',
		'O registo não tem nenhuma identidade alterada de {user} à espera de aprovação.',
		'В реестре нет изменённой личности {user}, ожидающей одобрения.',
	),
	trustNoUser: p(
		'Name the person: !rogatory trust @name:server',
		'Indique la persona: !rogatory aprobar @nombre:servidor',
		'Nommez la personne : !rogatory approuver @nom:serveur',
		'Indique a pessoa: !rogatory aprovar @nome:servidor',
		'Укажите человека: !rogatory одобрить @имя:сервер',
	),
	trustNotAllowed: p(
		'Only the central-authority officers and administrators of this authority may approve an identity.',
		'Solo los funcionarios de la autoridad central y los administradores de esta autoridad pueden aprobar una identidad.',
		'Seuls les agents de l’autorité centrale et les administrateurs de cette autorité peuvent approuver une identité.',
		'Só os funcionários da autoridade central e os administradores desta autoridade podem aprovar uma identidade.',
		'Одобрять личность могут только сотрудники центрального органа и администраторы этого органа.',
	),
	unknown: p(
		'Unknown command “{word}”.',
		'Orden desconocida «{word}».',
		'Commande inconnue « {word} ».',
		'Comando desconhecido «{word}».',
		'Неизвестная команда «{word}».',
	),
	or: p('or', 'o', 'ou', 'ou', 'или'),
} satisfies Readonly<Record<string, Phrase>>;

export type PhraseKey = keyof typeof PHRASES;

/** "N days" in each language, by plural category (Intl.PluralRules); `other` when a category is missing. */
export const DAYS: Readonly<Record<Language, Readonly<Partial<Record<Intl.LDMLPluralRule, string>>> & { readonly other: string }>> = {
	en: { one: '{n} day', other: '{n} days' },
	es: { one: '{n} día', other: '{n} días' },
	fr: { one: '{n} jour', other: '{n} jours' },
	pt: { one: '{n} dia', other: '{n} dias' },
	ru: { one: '{n} день', few: '{n} дня', many: '{n} дней', other: '{n} дня' },
};

/** The phrase in `language` with its `{name}` placeholders filled. */
export function phrase(key: PhraseKey, language: Language, values: Readonly<Record<string, string | number>> = {}): string {
	return PHRASES[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function days(n: number, language: Language): string {
	const forms = DAYS[language];
	return (forms[new Intl.PluralRules(language).select(n)] ?? forms.other).replace('{n}', String(n));
}
