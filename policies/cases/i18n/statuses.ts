// Status names in the five languages, shared by every workflow that uses the
// status. Statuses describe the request ("solicitud", "demande": feminine in
// Spanish and French; "pedido", "запрос": masculine in Portuguese and Russian).
// Portuguese is the European variant, as in web/messages/pt.json.
import type { LabelTable, Labels } from './labels.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

export const STATUS_LABELS: LabelTable = {
	draft: l('Draft', 'Borrador', 'Brouillon', 'Rascunho', 'Черновик'),
	'informal-consultation': l(
		'Informal consultation on the draft',
		'Consulta informal sobre el borrador',
		'Consultation informelle sur le projet',
		'Consulta informal sobre o projeto',
		'Неофициальная консультация по проекту',
	),
	sent: l('Sent', 'Enviada', 'Envoyée', 'Enviado', 'Направлен'),
	received: l('Received', 'Recibida', 'Reçue', 'Recebido', 'Получен'),
	'additional-info-requested': l(
		'Additional information requested',
		'Información adicional solicitada',
		'Informations complémentaires demandées',
		'Informações adicionais solicitadas',
		'Запрошена дополнительная информация',
	),
	'info-provided': l(
		'Information provided',
		'Información proporcionada',
		'Informations fournies',
		'Informações prestadas',
		'Информация предоставлена',
	),
	accepted: l('Accepted', 'Aceptada', 'Acceptée', 'Aceite', 'Принят'),
	'under-execution': l('Under execution', 'En ejecución', 'En cours d’exécution', 'Em execução', 'Исполняется'),
	postponed: l('Postponed', 'Aplazada', 'Ajournée', 'Adiado', 'Исполнение отсрочено'),
	'partially-executed': l(
		'Partially executed',
		'Ejecutada parcialmente',
		'Partiellement exécutée',
		'Parcialmente executado',
		'Исполнен частично',
	),
	executed: l('Executed', 'Ejecutada', 'Exécutée', 'Executado', 'Исполнен'),
	refused: l('Refused', 'Denegada', 'Refusée', 'Recusado', 'Отказано'),
	withdrawn: l('Withdrawn', 'Retirada', 'Retirée', 'Retirado', 'Отозван'),
	returned: l(
		'Returned as deficient',
		'Devuelta por deficiente',
		'Renvoyée pour irrégularité',
		'Devolvido por deficiência',
		'Возвращён без исполнения',
	),
	forwarded: l(
		'Forwarded to the competent authority',
		'Remitida a la autoridad competente',
		'Transmise à l’autorité compétente',
		'Remetido à autoridade competente',
		'Направлен в компетентный орган',
	),
	closed: l('Closed', 'Cerrada', 'Clôturée', 'Encerrado', 'Закрыт'),
	locating: l(
		'Locating the person (Red Notice)',
		'Localización de la persona (notificación roja)',
		'Localisation de la personne (notice rouge)',
		'Localização da pessoa (difusão vermelha)',
		'Розыск лица (красное уведомление)',
	),
	'provisional-arrest-requested': l(
		'Provisional arrest requested',
		'Detención provisional solicitada',
		'Arrestation provisoire demandée',
		'Detenção provisória solicitada',
		'Запрошен временный арест',
	),
	'person-arrested': l('Person arrested', 'Persona detenida', 'Personne arrêtée', 'Pessoa detida', 'Лицо задержано'),
	'formal-request-received': l(
		'Formal request received',
		'Solicitud formal recibida',
		'Demande formelle reçue',
		'Pedido formal recebido',
		'Официальный запрос получен',
	),
	consent: l(
		'Consent to simplified extradition',
		'Consentimiento a la extradición simplificada',
		'Consentement à l’extradition simplifiée',
		'Consentimento na extradição simplificada',
		'Согласие на упрощённую выдачу',
	),
	contested: l('Extradition contested', 'Extradición impugnada', 'Extradition contestée', 'Extradição contestada', 'Выдача оспаривается'),
	'judicial-phase': l('Judicial phase', 'Fase judicial', 'Phase judiciaire', 'Fase judicial', 'Судебная стадия'),
	'supplementary-info-requested': l(
		'Supplementary information requested',
		'Información complementaria solicitada',
		'Complément d’information demandé',
		'Informações complementares solicitadas',
		'Запрошены дополнительные сведения',
	),
	'supplementary-info-provided': l(
		'Supplementary information provided',
		'Información complementaria proporcionada',
		'Complément d’information fourni',
		'Informações complementares prestadas',
		'Дополнительные сведения представлены',
	),
	granted: l('Extradition granted', 'Extradición concedida', 'Extradition accordée', 'Extradição concedida', 'Выдача разрешена'),
	'surrender-scheduled': l('Surrender scheduled', 'Entrega programada', 'Remise programmée', 'Entrega agendada', 'Передача назначена'),
	'surrender-postponed': l('Surrender postponed', 'Entrega aplazada', 'Remise ajournée', 'Entrega adiada', 'Передача отложена'),
	surrendered: l('Person surrendered', 'Persona entregada', 'Personne remise', 'Pessoa entregue', 'Лицо передано'),
	'in-progress': l('In progress', 'En curso', 'En cours', 'Em curso', 'В работе'),
	completed: l('Completed', 'Completada', 'Terminée', 'Concluído', 'Выполнен'),
};
