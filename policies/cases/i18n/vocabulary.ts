// Labels for the closed vocabularies of vocabulary/request.ts and for the
// field names amendments mention, in the five product languages.
import type { FieldName } from '../events/types.ts';
import type { Channel, LegalBasisType, RequestKind, Side, Urgency } from '../vocabulary/request.ts';
import type { LabelTable, Labels } from './labels.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

export const KIND_LABELS: LabelTable<RequestKind> = {
	mla: l(
		'Mutual legal assistance',
		'Asistencia judicial recíproca',
		'Entraide judiciaire',
		'Auxílio judiciário mútuo',
		'Взаимная правовая помощь',
	),
	extradition: l('Extradition', 'Extradición', 'Extradition', 'Extradição', 'Выдача (экстрадиция)'),
	preservation: l(
		'Expedited preservation of electronic data',
		'Conservación rápida de datos electrónicos',
		'Conservation rapide de données électroniques',
		'Conservação expedita de dados eletrónicos',
		'Оперативное обеспечение сохранности электронных данных',
	),
	'spontaneous-information': l(
		'Spontaneous information',
		'Información espontánea',
		'Transmission spontanée d’informations',
		'Informação espontânea',
		'Спонтанная передача информации',
	),
	'transfer-of-sentenced-persons': l(
		'Transfer of sentenced persons',
		'Traslado de personas condenadas',
		'Transfèrement des personnes condamnées',
		'Transferência de pessoas condenadas',
		'Передача осуждённых лиц',
	),
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
	confiscation: l(
		'Confiscation and disposal of proceeds of crime',
		'Decomiso y disposición del producto del delito',
		'Confiscation et disposition du produit du crime',
		'Perda e destino do produto do crime',
		'Конфискация доходов от преступлений и распоряжение ими',
	),
	'law-enforcement-cooperation': l(
		'Law-enforcement cooperation',
		'Cooperación en materia de cumplimiento de la ley',
		'Coopération entre services de détection et de répression',
		'Cooperação entre autoridades policiais',
		'Сотрудничество между правоохранительными органами',
	),
};

export const SIDE_LABELS: LabelTable<Side> = {
	requesting: l('Requesting authority', 'Autoridad requirente', 'Autorité requérante', 'Autoridade requerente', 'Запрашивающий орган'),
	requested: l('Requested authority', 'Autoridad requerida', 'Autorité requise', 'Autoridade requerida', 'Запрашиваемый орган'),
};

export const URGENCY_LABELS: LabelTable<Urgency> = {
	routine: l('Routine', 'Ordinaria', 'Normale', 'Normal', 'Обычная'),
	urgent: l('Urgent', 'Urgente', 'Urgente', 'Urgente', 'Срочная'),
	immediate: l('Immediate (24/7)', 'Inmediata (24/7)', 'Immédiate (24/7)', 'Imediata (24/7)', 'Безотлагательная (24/7)'),
};

export const CHANNEL_LABELS: LabelTable<Channel> = {
	formal: l('Formal', 'Formal', 'Formel', 'Formal', 'Официальный'),
	informal: l('Informal', 'Informal', 'Informel', 'Informal', 'Неофициальный'),
};

export const LEGAL_BASIS_LABELS: LabelTable<LegalBasisType> = {
	untoc: l(
		'UN Convention against Transnational Organized Crime',
		'Convención de las Naciones Unidas contra la Delincuencia Organizada Transnacional',
		'Convention des Nations Unies contre la criminalité transnationale organisée',
		'Convenção das Nações Unidas contra a Criminalidade Organizada Transnacional',
		'Конвенция ООН против транснациональной организованной преступности',
	),
	'bilateral-treaty': l('Bilateral treaty', 'Tratado bilateral', 'Traité bilatéral', 'Tratado bilateral', 'Двусторонний договор'),
	'multilateral-convention': l(
		'Multilateral convention',
		'Convención multilateral',
		'Convention multilatérale',
		'Convenção multilateral',
		'Многосторонняя конвенция',
	),
	reciprocity: l('Reciprocity', 'Reciprocidad', 'Réciprocité', 'Reciprocidade', 'Взаимность'),
};

export const FIELD_LABELS: LabelTable<FieldName> = {
	title: l('Title', 'Título', 'Intitulé', 'Título', 'Название'),
	requestingReference: l(
		'Requesting side’s reference',
		'Referencia de la parte requirente',
		'Référence de la partie requérante',
		'Referência da parte requerente',
		'Номер запрашивающей стороны',
	),
	requestedReference: l(
		'Requested side’s reference',
		'Referencia de la parte requerida',
		'Référence de la partie requise',
		'Referência da parte requerida',
		'Номер запрашиваемой стороны',
	),
	legalBasis: l('Legal basis', 'Base jurídica', 'Base juridique', 'Base jurídica', 'Правовое основание'),
	offences: l('Offences', 'Delitos', 'Infractions', 'Crimes', 'Преступления'),
	urgency: l('Urgency', 'Urgencia', 'Urgence', 'Urgência', 'Срочность'),
	channel: l('Channel', 'Canal', 'Canal', 'Canal', 'Канал'),
	respondBy: l(
		'Answer requested by',
		'Respuesta solicitada antes del',
		'Réponse demandée avant le',
		'Resposta solicitada até',
		'Ответ запрошен до',
	),
};

/** How a link reads from the room that carries it: relation, then which end this room is. */
export const LINK_LABELS: LabelTable<
	| 'preservation-mla.earlier'
	| 'preservation-mla.later'
	| 'provisional-arrest-extradition.earlier'
	| 'provisional-arrest-extradition.later'
	| 'related'
> = {
	'preservation-mla.earlier': l(
		'the MLA request that follows this preservation',
		'la solicitud de asistencia que sigue a esta conservación',
		'la demande d’entraide qui fait suite à cette conservation',
		'o pedido de auxílio na sequência desta conservação',
		'запрос о правовой помощи, последовавший за этим обеспечением сохранности',
	),
	'preservation-mla.later': l(
		'the preservation this MLA request follows',
		'la conservación que precedió a esta solicitud de asistencia',
		'la conservation qui a précédé cette demande d’entraide',
		'a conservação que precedeu este pedido de auxílio',
		'обеспечение сохранности, предшествовавшее этому запросу',
	),
	'provisional-arrest-extradition.earlier': l(
		'the extradition request that follows this provisional arrest',
		'la solicitud de extradición que sigue a esta detención provisional',
		'la demande d’extradition qui fait suite à cette arrestation provisoire',
		'o pedido de extradição na sequência desta detenção provisória',
		'запрос о выдаче, последовавший за этим временным арестом',
	),
	'provisional-arrest-extradition.later': l(
		'the provisional arrest this extradition request follows',
		'la detención provisional que precedió a esta solicitud de extradición',
		'l’arrestation provisoire qui a précédé cette demande d’extradition',
		'a detenção provisória que precedeu este pedido de extradição',
		'временный арест, предшествовавший этому запросу о выдаче',
	),
	related: l('a related request', 'una solicitud relacionada', 'une demande connexe', 'um pedido relacionado', 'связанный запрос'),
};
