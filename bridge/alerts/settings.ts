// The alerts' settings (issue 16), from the site file, its people file and
// the environment: off entirely (undefined) when the site has no `mail`
// section; else the relay (mailer.ts), how long a step waits for an
// acknowledgement (the site's mail.escalate_after_minutes, 30 when left out),
// how many escalation mails one person gets in an hour at most
// (mail.urgent_mails_per_hour, 10 when left out),
// how often the bridge looks (each minute), the web app's address the mail
// links to, and each person's address and language from the people file.
// ROGATORY_ALERTS_ESCALATE_SECONDS, ROGATORY_ALERTS_EVERY_SECONDS and
// ROGATORY_ALERTS_BATCH_SECONDS shorten the wait, the pass and the batch
// window for the test federations (as reconcile-setting.ts).
import type { Language, Role } from '../../policies/roster/types.ts';
import type { PeopleDocument, SiteDocument } from '../../policies/roster/file/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import { DEFAULT_URGENT_MAILS_PER_HOUR } from '../../policies/alerts/index.ts';
import { relayOf, type MailRelay } from './mailer.ts';

export const ESCALATE_ENV = 'ROGATORY_ALERTS_ESCALATE_SECONDS';
export const EVERY_ENV = 'ROGATORY_ALERTS_EVERY_SECONDS';
export const BATCH_ENV = 'ROGATORY_ALERTS_BATCH_SECONDS';
const DEFAULT_ESCALATE_MINUTES = 30;
const DEFAULT_BATCH_MINUTES = 60;

/** Where and in which language a person is mailed; no email, no mail. */
export interface Addressee {
	readonly email?: string;
	readonly language: Language;
	readonly roles: readonly Role[];
}

export interface AlertSettings {
	readonly relay: MailRelay;
	/** May be a fraction when the environment shortens it. */
	readonly ackWithinMinutes: number;
	readonly everyMs: number;
	/** At most one batched mail per person in this many minutes (digest.ts); may be a fraction when the environment shortens it. */
	readonly batchMinutes: number;
	/** At most this many escalation mails to one person in any hour (the site's mail.urgent_mails_per_hour). */
	readonly mailsPerHour: number;
	/** The web app's base URL, the mail's only link. */
	readonly link: string;
	/** Matrix ID → address and language, from the people file. */
	readonly people: ReadonlyMap<string, Addressee>;
}

function seconds(env: Readonly<Record<string, string | undefined>>, name: string): Result<number | undefined, string> {
	const value = env[name];
	if (value === undefined || value === '') return ok(undefined);
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 ? ok(n) : err(`${name}: "${value.slice(0, 40)}" must be a whole number of seconds, 1 or more`);
}

/** The settings, undefined when the site sends no mail; an error names the file or variable to mend. */
export function alertSettings(
	site: SiteDocument,
	people: PeopleDocument,
	server: string,
	env: Readonly<Record<string, string | undefined>>,
): Result<AlertSettings | undefined, string> {
	if (site.mail === undefined) return ok(undefined);
	const relay = relayOf(site.mail);
	if (!relay.ok) return err(`${site.source.file}: ${relay.error}`);
	const escalate = seconds(env, ESCALATE_ENV);
	if (!escalate.ok) return escalate;
	const every = seconds(env, EVERY_ENV);
	if (!every.ok) return every;
	const batch = seconds(env, BATCH_ENV);
	if (!batch.ok) return batch;
	const addressees = new Map<string, Addressee>(
		people.people.map((p) => [
			`@${p.localpart.toLowerCase()}:${server}`,
			{ language: p.language, roles: p.roles, ...(p.email === undefined ? {} : { email: p.email }) },
		]),
	);
	return ok({
		relay: relay.value,
		ackWithinMinutes: escalate.value === undefined ? (site.mail.escalateAfterMinutes ?? DEFAULT_ESCALATE_MINUTES) : escalate.value / 60,
		everyMs: (every.value ?? 60) * 1000,
		batchMinutes: batch.value === undefined ? (site.mail.batchMinutes ?? DEFAULT_BATCH_MINUTES) : batch.value / 60,
		mailsPerHour: site.mail.urgentMailsPerHour ?? DEFAULT_URGENT_MAILS_PER_HOUR,
		link: site.urls.web,
		people: addressees,
	});
}
