// The reminders' words in the five product languages, and the notice they
// make: an m.notice whose body names the preservation, its expiry on the
// legal zone's calendar with the zone named, the time left, and the people
// mentioned by their Matrix IDs (also listed in m.mentions, so their clients
// notify them). Pure.
import { formatInZone } from '../../policies/preservation/zone.ts';
import type { Language } from '../../policies/roster/types.ts';
import type { ReminderNotice } from './hook.ts';
import type { ReminderKind } from './types.ts';

type Phrase = Readonly<Record<Language, string>>;
const p = (en: string, es: string, fr: string, pt: string, ru: string): Phrase => ({ en, es, fr, pt, ru });

export const REMINDER_PHRASES = {
	reminder: p(
		'Preservation reminder — {label}: expires {expires} ({zone}), {left}.',
		'Recordatorio de conservación — {label}: vence el {expires} ({zone}), {left}.',
		'Rappel de conservation — {label} : expire le {expires} ({zone}), {left}.',
		'Lembrete de conservação — {label}: expira em {expires} ({zone}), {left}.',
		'Напоминание о сохранении — {label}: истекает {expires} ({zone}), {left}.',
	),
	escalation: p(
		'Preservation not acknowledged — {label}: nobody answered the reminder; expires {expires} ({zone}), {left}.',
		'Conservación sin acuse — {label}: nadie respondió al recordatorio; vence el {expires} ({zone}), {left}.',
		'Conservation sans accusé — {label} : personne n’a répondu au rappel ; expire le {expires} ({zone}), {left}.',
		'Conservação sem confirmação — {label}: ninguém respondeu ao lembrete; expira em {expires} ({zone}), {left}.',
		'Сохранение без ответа — {label}: на напоминание никто не ответил; истекает {expires} ({zone}), {left}.',
	),
	ask: p(
		'{people}: extend it or send the follow-up request. A message from you in this room acknowledges this reminder.',
		'{people}: prorróguela o envíe la solicitud de seguimiento. Un mensaje suyo en esta sala acusa recibo de este recordatorio.',
		'{people} : prolongez-la ou envoyez la demande de suivi. Un message de votre part dans ce salon accuse réception de ce rappel.',
		'{people}: prorrogue-a ou envie o pedido de seguimento. Uma mensagem sua nesta sala confirma este lembrete.',
		'{people}: продлите его или направьте последующий запрос. Ваше сообщение в этой комнате подтверждает получение напоминания.',
	),
	escalate: p(
		'{people}: please follow up with the people responsible.',
		'{people}: haga el seguimiento con los responsables.',
		'{people} : merci d’assurer le suivi auprès des responsables.',
		'{people}: acompanhe junto dos responsáveis.',
		'{people}: свяжитесь, пожалуйста, с ответственными.',
	),
	days: p('in {n} days', 'en {n} días', 'dans {n} jours', 'em {n} dias', 'через {n} дн.'),
	hours: p('in {n} hours', 'en {n} horas', 'dans {n} heures', 'em {n} horas', 'через {n} ч'),
	expired: p('now expired', 'ya vencida', 'désormais expirée', 'já expirada', 'срок истёк'),
} as const;

const fill = (text: string, values: Readonly<Record<string, string>>): string =>
	text.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);

const HOUR = 3_600_000;

/** Time left until `expires`, to the nearest hour, in days from 48 hours on (a reminder a little late still says 14 days). */
export function timeLeft(language: Language, expires: number, now: number): string {
	const ms = expires - now;
	if (ms <= 0) return REMINDER_PHRASES.expired[language];
	const hours = Math.max(1, Math.round(ms / HOUR));
	if (hours >= 48) return fill(REMINDER_PHRASES.days[language], { n: String(Math.round(ms / (24 * HOUR))) });
	return fill(REMINDER_PHRASES.hours[language], { n: String(hours) });
}

/** The expiry on the legal zone's calendar: `2026-04-30 23:59 UTC-06:00`. */
export function expiryIn(expires: number, zone: string): string {
	const iso = formatInZone(expires, zone);
	return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC${iso.slice(23)}`;
}

export interface NoticeInput {
	readonly kind: ReminderKind;
	readonly language: Language;
	readonly label: string;
	readonly expires: number;
	readonly zone: string;
	readonly now: number;
	/** Matrix user IDs, mentioned in the body and in m.mentions. */
	readonly mention: readonly string[];
}

export function reminderNotice(input: NoticeInput): ReminderNotice {
	const { language } = input;
	const values = {
		label: input.label,
		expires: expiryIn(input.expires, input.zone),
		zone: input.zone,
		left: timeLeft(language, input.expires, input.now),
		people: input.mention.join(', '),
	};
	const head = fill(REMINDER_PHRASES[input.kind][language], values);
	const ask = input.mention.length === 0 ? [] : [fill(REMINDER_PHRASES[input.kind === 'reminder' ? 'ask' : 'escalate'][language], values)];
	return { msgtype: 'm.notice', body: [head, ...ask].join('\n'), 'm.mentions': { user_ids: [...input.mention] } };
}
