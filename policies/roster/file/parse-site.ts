// parseSite: a site file's text → the site document, or every problem found,
// each with the file, key path and line. Whether its authority is in the
// roster is checked later, against the roster (site-checks.ts).
import type { Result } from '../../result.ts';
import type { RosterError } from './errors.ts';
import { parseWith } from './parse-document.ts';
import { boolean, list, number, optional, record, required, text } from './read.ts';
import type { SiteDocument } from './site-document.ts';
import { authorityId, httpUrl, localpart } from './values.ts';

const seconds = number((v) => (v >= 0 ? undefined : `${v} must be a number of seconds, 0 or more.`));
const hoursBefore = number((v) => (v >= 0 ? undefined : `${v} must be a number of hours before expiry, 0 or more.`));
const hoursAfter = number((v) => (v > 0 ? undefined : `${v} must be a number of hours above 0.`));
const reportHours = number((v) =>
	Number.isInteger(v) && v >= 1 && v <= 720 ? undefined : `${v} must be a whole number of hours from 1 to 720.`,
);

const reconcileMinutes = number((v) =>
	Number.isInteger(v) && v >= 1 && v <= 1440 ? undefined : `${v} must be a whole number of minutes from 1 to 1440.`,
);

const mailsPerHour = number((v) =>
	Number.isInteger(v) && v >= 1 && v <= 100 ? undefined : `${v} must be a whole number of mails from 1 to 100.`,
);

const port = number((v) => (Number.isInteger(v) && v >= 1 && v <= 65535 ? undefined : `${v} must be a port number from 1 to 65535.`));
const mailAddress = text((v) =>
	/^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/.test(v) ? undefined : `"${v}" must be one e-mail address, such as rogatory@example.org.`,
);

const siteShape = record({
	authority: required('authority', authorityId),
	urls: required('urls', record({ web: required('web', httpUrl) })),
	paths: required(
		'paths',
		record({
			data: required('data', text()),
			register: required('register', text()),
			sessions: required('sessions', text()),
			secrets: required('secrets', text()),
			people: required('people', text()),
		}),
	),
	homeserver: required('homeserver', record({ adminTokenFile: required('admin_token_file', text()) })),
	bridge: required(
		'bridge',
		record({
			localpart: required('localpart', localpart),
			undecryptableAfterSeconds: optional('undecryptable_after_seconds', seconds),
			retrySeconds: optional('retry_seconds', seconds),
			reportToSecretariat: optional('report_to_secretariat', boolean()),
			reportStatisticsEveryHours: optional('report_statistics_every_hours', reportHours),
			reconcileEveryMinutes: optional('reconcile_every_minutes', reconcileMinutes),
			healthPort: optional('health_port', port),
		}),
	),
	mail: optional(
		'mail',
		record({
			host: required('host', text()),
			port: required('port', port),
			starttls: required('starttls', boolean()),
			from: required('from', mailAddress),
			username: optional('username', text()),
			passwordFile: optional('password_file', text()),
			caFile: optional('ca_file', text()),
			escalateAfterMinutes: optional('escalate_after_minutes', reconcileMinutes),
			batchMinutes: optional('batch_minutes', reconcileMinutes),
			urgentMailsPerHour: optional('urgent_mails_per_hour', mailsPerHour),
		}),
	),
	reminders: optional(
		'reminders',
		record({
			offsetsHours: optional('offsets_hours', list(hoursBefore, { nonEmpty: 'List at least one reminder (0 = at expiry).' })),
			escalateAfterHours: optional('escalate_after_hours', hoursAfter),
		}),
	),
});

export function parseSite(text: string, file: string): Result<SiteDocument, RosterError[]> {
	return parseWith(text, file, siteShape, (shaped, lines) => ({ document: { ...shaped, source: { file, lines } }, problems: [] }));
}
