// The text of a notification mail (issue 16): content-free by construction.
// It is built from counts and the site's address only — never a title, a
// reference, a name, a country or a message — because mail servers, like
// homeservers, must learn nothing about a case (ARCHITECTURE.md, decision 2):
// "You have 1 urgent request waiting in Rogatory", a link, nothing more. In
// the person's language, with each language's plural forms. Pure.
import type { Language } from '../roster/types.ts';

/** What waits for the person, counted by kind. */
export interface Waiting {
	readonly urgentRequests: number;
	readonly newRequests: number;
	/** Moves, replies that mention them, reminders. */
	readonly updates: number;
}

export interface MailText {
	readonly subject: string;
	readonly body: string;
}

type Forms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };
type Phrase = Readonly<Record<Language, Forms>>;

const URGENT: Phrase = {
	en: { one: '{n} urgent request', other: '{n} urgent requests' },
	es: { one: '{n} solicitud urgente', other: '{n} solicitudes urgentes' },
	fr: { one: '{n} demande urgente', other: '{n} demandes urgentes' },
	pt: { one: '{n} pedido urgente', other: '{n} pedidos urgentes' },
	ru: { one: '{n} срочный запрос', few: '{n} срочных запроса', many: '{n} срочных запросов', other: '{n} срочного запроса' },
};
const NEW: Phrase = {
	en: { one: '{n} new request', other: '{n} new requests' },
	es: { one: '{n} solicitud nueva', other: '{n} solicitudes nuevas' },
	fr: { one: '{n} nouvelle demande', other: '{n} nouvelles demandes' },
	pt: { one: '{n} pedido novo', other: '{n} pedidos novos' },
	ru: { one: '{n} новый запрос', few: '{n} новых запроса', many: '{n} новых запросов', other: '{n} нового запроса' },
};
const UPDATES: Phrase = {
	en: { one: '{n} update', other: '{n} updates' },
	es: { one: '{n} novedad', other: '{n} novedades' },
	fr: { one: '{n} mise à jour', other: '{n} mises à jour' },
	pt: { one: '{n} atualização', other: '{n} atualizações' },
	ru: { one: '{n} обновление', few: '{n} обновления', many: '{n} обновлений', other: '{n} обновления' },
};

const WAITING: Readonly<Record<Language, (list: string) => string>> = {
	en: (list) => `You have ${list} waiting in Rogatory`,
	es: (list) => `Pendiente en Rogatory: ${list}`,
	fr: (list) => `Vous avez ${list} en attente dans Rogatory`,
	pt: (list) => `Tem ${list} à sua espera no Rogatory`,
	ru: (list) => `В Rogatory вас ожидают: ${list}`,
};

const OPEN: Readonly<Record<Language, string>> = {
	en: 'Open Rogatory to read them:',
	es: 'Abra Rogatory para leerlas:',
	fr: 'Ouvrez Rogatory pour les lire :',
	pt: 'Abra o Rogatory para as ler:',
	ru: 'Откройте Rogatory, чтобы прочитать:',
};

const WHY: Readonly<Record<Language, string>> = {
	en: 'This message says nothing about the cases on purpose: mail is not end-to-end encrypted. Change which mails you get in Rogatory, under Notifications.',
	es: 'Este mensaje no dice nada de los casos a propósito: el correo no está cifrado de extremo a extremo. Elija qué correos recibe en Rogatory, en Notificaciones.',
	fr: 'Ce message ne dit rien des affaires, à dessein : le courriel n’est pas chiffré de bout en bout. Choisissez les courriels que vous recevez dans Rogatory, sous Notifications.',
	pt: 'Esta mensagem nada diz sobre os processos, de propósito: o correio não é cifrado de ponta a ponta. Escolha que correios recebe no Rogatory, em Notificações.',
	ru: 'В этом письме намеренно ничего не сказано о делах: почта не защищена сквозным шифрованием. Выберите, какие письма получать, в Rogatory, в разделе «Уведомления».',
};

const rules = new Map<Language, Intl.PluralRules>();

function counted(phrase: Phrase, n: number, language: Language): string {
	let rule = rules.get(language);
	if (rule === undefined) {
		rule = new Intl.PluralRules(language);
		rules.set(language, rule);
	}
	const forms = phrase[language];
	return (forms[rule.select(n)] ?? forms.other).replace('{n}', String(n));
}

const AND: Readonly<Record<Language, string>> = { en: 'and', es: 'y', fr: 'et', pt: 'e', ru: 'и' };

/** The subject and plain-text body; undefined when nothing waits (no mail). */
export function mailText(waiting: Waiting, link: string, language: Language): MailText | undefined {
	const parts = (
		[
			[URGENT, waiting.urgentRequests],
			[NEW, waiting.newRequests],
			[UPDATES, waiting.updates],
		] as const
	)
		.filter(([, n]) => Number.isSafeInteger(n) && n > 0)
		.map(([phrase, n]) => counted(phrase, n, language));
	if (parts.length === 0) return undefined;
	const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} ${AND[language]} ${parts.at(-1)!}`;
	const subject = WAITING[language](list);
	return { subject, body: `${subject}.\n\n${OPEN[language]}\n${link}\n\n${WHY[language]}\n` };
}

const LAPSING: Readonly<Record<Language, string>> = {
	en: 'A preservation in Rogatory needs attention within 48 hours',
	es: 'Una conservación de datos en Rogatory requiere atención en las próximas 48 horas',
	fr: 'Une conservation de données dans Rogatory demande votre attention dans les 48 heures',
	pt: 'Uma preservação de dados no Rogatory precisa de atenção nas próximas 48 horas',
	ru: 'Сохранение данных в Rogatory требует внимания в течение 48 часов',
};

const OPEN_ONE: Readonly<Record<Language, string>> = {
	en: 'Open Rogatory to see it:',
	es: 'Abra Rogatory para verla:',
	fr: 'Ouvrez Rogatory pour la voir :',
	pt: 'Abra o Rogatory para a ver:',
	ru: 'Откройте Rogatory, чтобы посмотреть:',
};

/** The mail of a preservation lapsing within 48 hours (escalator.ts): which one, and in which case, it never says. */
export function lapsingMailText(link: string, language: Language): MailText {
	const subject = LAPSING[language];
	return { subject, body: `${subject}.\n\n${OPEN_ONE[language]}\n${link}\n\n${WHY[language]}\n` };
}
