// Labels for the directory's closed vocabularies (types.ts) and for a
// contact's reachability (reach/reach.ts), in the five product languages.
// Roles are worded as the session pages word them (web/messages/sessions);
// measures follow the wording of the Budapest Convention and UNTOC in each
// language where they have one. Portuguese is European (WACAP's members).
import type { LabelTable, Labels } from '../../cases/i18n/labels.ts';
import type { Reachability } from '../reach/reach.ts';
import type { AuthorityKind, ChannelKind, DirectoryDocument, DirectoryRole, Measure } from '../types.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

export const MEASURE_LABELS: LabelTable<Measure> = {
	preservation: l(
		'Expedited preservation of stored data',
		'Conservación rápida de datos almacenados',
		'Conservation rapide de données stockées',
		'Conservação expedita de dados armazenados',
		'Оперативное обеспечение сохранности хранимых данных',
	),
	'subscriber-data': l(
		'Subscriber information',
		'Datos de abonados',
		'Données relatives aux abonnés',
		'Dados de assinantes',
		'Сведения об абонентах',
	),
	'traffic-data': l('Traffic data', 'Datos de tráfico', 'Données relatives au trafic', 'Dados de tráfego', 'Данные о трафике'),
	'content-data': l('Content data', 'Datos de contenido', 'Données relatives au contenu', 'Dados de conteúdo', 'Данные о содержании'),
	'search-and-seizure': l('Search and seizure', 'Registro e incautación', 'Perquisition et saisie', 'Busca e apreensão', 'Обыск и выемка'),
	'video-hearing': l(
		'Hearing by video conference',
		'Audiencia por videoconferencia',
		'Audition par vidéoconférence',
		'Audição por videoconferência',
		'Допрос по видеосвязи',
	),
	'witness-statement': l(
		'Taking evidence or statements',
		'Toma de testimonios o declaraciones',
		'Recueil de témoignages ou de dépositions',
		'Recolha de depoimentos ou declarações',
		'Получение показаний или заявлений',
	),
	'service-of-documents': l(
		'Service of judicial documents',
		'Notificación de documentos judiciales',
		'Signification d’actes judiciaires',
		'Notificação de atos judiciais',
		'Вручение судебных документов',
	),
	'asset-freezing': l(
		'Freezing of assets',
		'Embargo preventivo de bienes',
		'Gel des avoirs',
		'Congelamento de bens',
		'Замораживание активов',
	),
	confiscation: l('Confiscation', 'Decomiso', 'Confiscation', 'Perda de bens a favor do Estado', 'Конфискация'),
	extradition: l('Extradition', 'Extradición', 'Extradition', 'Extradição', 'Выдача (экстрадиция)'),
	'transfer-of-proceedings': l(
		'Transfer of criminal proceedings',
		'Remisión de actuaciones penales',
		'Transfert des procédures pénales',
		'Transferência de processos penais',
		'Передача уголовного судопроизводства',
	),
	'joint-investigation': l(
		'Joint investigation',
		'Investigación conjunta',
		'Enquête conjointe',
		'Investigação conjunta',
		'Совместное расследование',
	),
};

export const DIRECTORY_ROLE_LABELS: LabelTable<DirectoryRole> = {
	prosecutor: l('Prosecutor', 'Fiscal', 'Procureur', 'Procurador', 'Прокурор'),
	'central-authority-officer': l(
		'Central-authority officer',
		'Funcionario de la autoridad central',
		'Agent de l’autorité centrale',
		'Funcionário da autoridade central',
		'Сотрудник центрального органа',
	),
	'focal-point': l('Focal point', 'Punto de contacto', 'Point de contact', 'Ponto de contacto', 'Контактное лицо'),
	'focal-point-24-7': l(
		'24/7 focal point',
		'Punto de contacto 24/7',
		'Point de contact 24/7',
		'Ponto de contacto 24/7',
		'Контактное лицо 24/7',
	),
	secretariat: l('Secretariat', 'Secretaría', 'Secrétariat', 'Secretariado', 'Секретариат'),
};

export const AUTHORITY_KIND_LABELS: LabelTable<AuthorityKind> = {
	'central-authority': l('Central authority', 'Autoridad central', 'Autorité centrale', 'Autoridade central', 'Центральный орган'),
	'prosecution-service': l('Prosecution service', 'Ministerio Público', 'Ministère public', 'Ministério Público', 'Прокуратура'),
	'ministry-of-justice': l(
		'Ministry of justice',
		'Ministerio de Justicia',
		'Ministère de la Justice',
		'Ministério da Justiça',
		'Министерство юстиции',
	),
	court: l('Court', 'Tribunal', 'Juridiction', 'Tribunal', 'Суд'),
	police: l('Police', 'Policía', 'Police', 'Polícia', 'Полиция'),
	other: l('Other authority', 'Otra autoridad', 'Autre autorité', 'Outra autoridade', 'Иной орган'),
};

export const CHANNEL_KIND_LABELS: LabelTable<ChannelKind> = {
	matrix: l('Rogatory (Matrix)', 'Rogatory (Matrix)', 'Rogatory (Matrix)', 'Rogatory (Matrix)', 'Rogatory (Matrix)'),
	email: l('E-mail', 'Correo electrónico', 'Courriel', 'Correio eletrónico', 'Электронная почта'),
	phone: l('Telephone', 'Teléfono', 'Téléphone', 'Telefone', 'Телефон'),
	fax: l('Fax', 'Fax', 'Télécopie', 'Fax', 'Факс'),
	post: l('Postal address', 'Dirección postal', 'Adresse postale', 'Endereço postal', 'Почтовый адрес'),
	portal: l('Online portal', 'Portal en línea', 'Portail en ligne', 'Portal em linha', 'Онлайн-портал'),
};

export const DOCUMENT_KIND_LABELS: LabelTable<DirectoryDocument['kind']> = {
	law: l('Law', 'Ley', 'Loi', 'Lei', 'Закон'),
	template: l('Request template', 'Modelo de solicitud', 'Modèle de demande', 'Modelo de pedido', 'Образец запроса'),
	guide: l('Guide', 'Guía', 'Guide', 'Guia', 'Руководство'),
};

export const REACHABILITY_LABELS: LabelTable<Reachability> = {
	'on-call': l('On call now', 'De guardia ahora', 'De permanence en ce moment', 'De serviço agora', 'Сейчас на дежурстве'),
	'working-hours': l(
		'In working hours now',
		'En horario de trabajo',
		'En heures de bureau',
		'Em horário de trabalho',
		'Сейчас рабочее время',
	),
	off: l(
		'Outside working hours',
		'Fuera del horario de trabajo',
		'En dehors des heures de bureau',
		'Fora do horário de trabalho',
		'Сейчас нерабочее время',
	),
	unknown: l('Hours not given', 'Horario no indicado', 'Horaires non indiqués', 'Horário não indicado', 'Часы работы не указаны'),
};
