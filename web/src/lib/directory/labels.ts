// The directory's vocabulary in the reader's language: measures, roles,
// kinds of authority, means of contact, reachability; languages by name
// (Intl), dates of an entry's last update.
// TEMP: the tables below stand in for policies/directory/i18n/labels.ts
// (the core's branch); once it lands, these functions read its tables.
import type { AuthorityKind, ChannelKind, DirectoryRole, Measure } from '#policies/directory/types.ts';
import type { Language } from '#policies/roster/types.ts';
import { formattingLocale } from '../i18n/format.ts';
import type { Reachability } from './core.ts';

type Table<K extends string> = Readonly<Record<K, Readonly<Record<Language, string>>>>;

const MEASURES: Table<Measure> = {
	preservation: {
		en: 'Preservation of data',
		es: 'Conservación de datos',
		fr: 'Conservation de données',
		pt: 'Preservação de dados',
		ru: 'Сохранение данных',
	},
	'subscriber-data': {
		en: 'Subscriber data',
		es: 'Datos de abonado',
		fr: 'Données d’abonné',
		pt: 'Dados de assinante',
		ru: 'Данные об абоненте',
	},
	'traffic-data': { en: 'Traffic data', es: 'Datos de tráfico', fr: 'Données de trafic', pt: 'Dados de tráfego', ru: 'Данные о трафике' },
	'content-data': {
		en: 'Content data',
		es: 'Datos de contenido',
		fr: 'Données de contenu',
		pt: 'Dados de conteúdo',
		ru: 'Данные о содержании',
	},
	'search-and-seizure': {
		en: 'Search and seizure',
		es: 'Registro e incautación',
		fr: 'Perquisition et saisie',
		pt: 'Busca e apreensão',
		ru: 'Обыск и выемка',
	},
	'video-hearing': {
		en: 'Hearing by video',
		es: 'Audiencia por videoconferencia',
		fr: 'Audition par vidéoconférence',
		pt: 'Audiência por videoconferência',
		ru: 'Допрос по видеосвязи',
	},
	'witness-statement': {
		en: 'Witness statement',
		es: 'Declaración de testigo',
		fr: 'Déposition de témoin',
		pt: 'Depoimento de testemunha',
		ru: 'Показания свидетеля',
	},
	'service-of-documents': {
		en: 'Service of documents',
		es: 'Notificación de documentos',
		fr: 'Signification d’actes',
		pt: 'Citação e notificação de documentos',
		ru: 'Вручение документов',
	},
	'asset-freezing': {
		en: 'Freezing of assets',
		es: 'Congelación de bienes',
		fr: 'Gel des avoirs',
		pt: 'Congelamento de bens',
		ru: 'Замораживание активов',
	},
	confiscation: { en: 'Confiscation', es: 'Decomiso', fr: 'Confiscation', pt: 'Confisco', ru: 'Конфискация' },
	extradition: { en: 'Extradition', es: 'Extradición', fr: 'Extradition', pt: 'Extradição', ru: 'Экстрадиция' },
	'transfer-of-proceedings': {
		en: 'Transfer of proceedings',
		es: 'Traslado de procedimientos',
		fr: 'Transfert des poursuites',
		pt: 'Transferência de processos',
		ru: 'Передача уголовного преследования',
	},
	'joint-investigation': {
		en: 'Joint investigation',
		es: 'Investigación conjunta',
		fr: 'Enquête commune',
		pt: 'Investigação conjunta',
		ru: 'Совместное расследование',
	},
};

const ROLES: Table<DirectoryRole> = {
	prosecutor: { en: 'Prosecutor', es: 'Fiscal', fr: 'Procureur', pt: 'Procurador', ru: 'Прокурор' },
	'central-authority-officer': {
		en: 'Central authority officer',
		es: 'Funcionario de la autoridad central',
		fr: 'Agent de l’autorité centrale',
		pt: 'Funcionário da autoridade central',
		ru: 'Сотрудник центрального органа',
	},
	'focal-point': { en: 'Focal point', es: 'Punto de contacto', fr: 'Point de contact', pt: 'Ponto focal', ru: 'Контактное лицо' },
	'focal-point-24-7': {
		en: '24/7 focal point',
		es: 'Punto de contacto 24/7',
		fr: 'Point de contact 24/7',
		pt: 'Ponto focal 24/7',
		ru: 'Контактное лицо 24/7',
	},
	secretariat: { en: 'Secretariat', es: 'Secretaría', fr: 'Secrétariat', pt: 'Secretariado', ru: 'Секретариат' },
};

const KINDS: Table<AuthorityKind> = {
	'central-authority': {
		en: 'Central authority',
		es: 'Autoridad central',
		fr: 'Autorité centrale',
		pt: 'Autoridade central',
		ru: 'Центральный орган',
	},
	'prosecution-service': {
		en: 'Prosecution service',
		es: 'Ministerio público',
		fr: 'Ministère public',
		pt: 'Ministério Público',
		ru: 'Прокуратура',
	},
	'ministry-of-justice': {
		en: 'Ministry of justice',
		es: 'Ministerio de justicia',
		fr: 'Ministère de la justice',
		pt: 'Ministério da Justiça',
		ru: 'Министерство юстиции',
	},
	court: { en: 'Court', es: 'Tribunal', fr: 'Tribunal', pt: 'Tribunal', ru: 'Суд' },
	police: { en: 'Police', es: 'Policía', fr: 'Police', pt: 'Polícia', ru: 'Полиция' },
	other: { en: 'Other', es: 'Otro', fr: 'Autre', pt: 'Outro', ru: 'Другое' },
};

const CHANNELS: Table<ChannelKind> = {
	matrix: { en: 'Rogatory (Matrix)', es: 'Rogatory (Matrix)', fr: 'Rogatory (Matrix)', pt: 'Rogatory (Matrix)', ru: 'Rogatory (Matrix)' },
	email: { en: 'E-mail', es: 'Correo electrónico', fr: 'Courriel', pt: 'E-mail', ru: 'Электронная почта' },
	phone: { en: 'Phone', es: 'Teléfono', fr: 'Téléphone', pt: 'Telefone', ru: 'Телефон' },
	fax: { en: 'Fax', es: 'Fax', fr: 'Télécopie', pt: 'Fax', ru: 'Факс' },
	post: { en: 'Post', es: 'Correo postal', fr: 'Courrier postal', pt: 'Correio postal', ru: 'Почта' },
	portal: { en: 'Web portal', es: 'Portal web', fr: 'Portail web', pt: 'Portal web', ru: 'Веб-портал' },
};

const REACH: Table<Reachability> = {
	'on-call': { en: 'On call now', es: 'De guardia ahora', fr: 'De permanence maintenant', pt: 'De plantão agora', ru: 'Сейчас дежурит' },
	'working-hours': {
		en: 'Working now',
		es: 'En horario de trabajo',
		fr: 'Au travail maintenant',
		pt: 'Em horário de trabalho',
		ru: 'Сейчас на работе',
	},
	off: {
		en: 'Not reachable now',
		es: 'No disponible ahora',
		fr: 'Injoignable maintenant',
		pt: 'Indisponível agora',
		ru: 'Сейчас недоступен',
	},
	unknown: {
		en: 'Hours not given',
		es: 'Horario no indicado',
		fr: 'Horaires non indiqués',
		pt: 'Horário não indicado',
		ru: 'Часы работы не указаны',
	},
};

const label = <K extends string>(table: Table<K>, code: string, locale: Language): string =>
	(table as Table<string>)[code]?.[locale] ?? code;

export const measureLabel = (code: string, locale: Language): string => label(MEASURES, code, locale);
export const roleLabel = (code: string, locale: Language): string => label(ROLES, code, locale);
export const authorityKindLabel = (code: string, locale: Language): string => label(KINDS, code, locale);
export const channelLabel = (code: string, locale: Language): string => label(CHANNELS, code, locale);
export const reachabilityLabel = (code: Reachability, locale: Language): string => label(REACH, code, locale);

/** A BCP 47 tag named in the reader's language ("es-GT" → "Spanish (Guatemala)"); the tag itself when Intl cannot. */
export function languageName(tag: string, locale: Language): string {
	try {
		return new Intl.DisplayNames([formattingLocale(locale)], { type: 'language' }).of(tag) ?? tag;
	} catch {
		return tag;
	}
}

/** The day an entry was last updated, e.g. "3 Dec 2026" (its stamp is an ISO instant). */
export function updatedDay(at: string, locale: Language): string {
	const ms = Date.parse(at);
	return Number.isNaN(ms) ? at : new Intl.DateTimeFormat(formattingLocale(locale), { dateStyle: 'medium' }).format(ms);
}
