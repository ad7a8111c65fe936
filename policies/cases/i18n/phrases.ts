// The fixed words of rendered bodies ("Status", "Reason"…) in the five
// languages, and each language's colon.
// NOTE: French typography puts a no-break space before a colon.
import type { Language } from '../../roster/types.ts';
import type { LabelTable, Labels } from './labels.ts';

const l = (en: string, es: string, fr: string, pt: string, ru: string): Labels => ({ en, es, fr, pt, ru });

export type Phrase =
	'opened' | 'status' | 'reason' | 'amended' | 'settled' | 'linked' | 'unlinked' | 'serious' | 'reference' | 'acknowledged';

export const PHRASES: LabelTable<Phrase> = {
	opened: l('Request opened', 'Solicitud abierta', 'Demande ouverte', 'Pedido aberto', 'Запрос открыт'),
	status: l('Status', 'Estado', 'Statut', 'Estado', 'Статус'),
	reason: l('Reason', 'Motivo', 'Motif', 'Motivo', 'Причина'),
	amended: l('Fields amended', 'Campos modificados', 'Champs modifiés', 'Campos alterados', 'Изменены поля'),
	settled: l(
		'Conflict settled, status kept',
		'Conflicto resuelto, estado conservado',
		'Conflit réglé, statut retenu',
		'Conflito resolvido, estado mantido',
		'Конфликт разрешён, сохранён статус',
	),
	linked: l('Linked', 'Vínculo', 'Lien', 'Ligação', 'Связь'),
	unlinked: l('Link removed', 'Vínculo eliminado', 'Lien supprimé', 'Ligação removida', 'Связь удалена'),
	serious: l('serious crime', 'delito grave', 'infraction grave', 'crime grave', 'тяжкое преступление'),
	reference: l('ref.', 'ref.', 'réf.', 'ref.', '№'),
	acknowledged: l(
		'Received: I have it in hand',
		'Recibida: la tengo en mis manos',
		'Reçue : je la prends en charge',
		'Recebido: tenho-o em mãos',
		'Получен: запрос у меня в работе',
	),
};

export const COLON: Readonly<Record<Language, string>> = { en: ': ', es: ': ', fr: '\u00a0: ', pt: ': ', ru: ': ' };
