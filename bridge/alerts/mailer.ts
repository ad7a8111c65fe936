// The bridge's mail to people (issue 16): content-free notifications
// (policies/alerts/mail-text.ts) through the authority's own SMTP relay, the
// site's `mail` section. The relay is held to TLS: with `starttls` the
// connection must upgrade before anything is sent (a relay, or someone in
// between, that does not offer STARTTLS gets nothing), port 465 speaks TLS
// from the start, and the relay's certificate is checked — against the
// site's `ca_file` when given, else the system's authorities. Without TLS
// only to a relay on this host (a local Postfix, say). Failures are
// values naming what to mend; the caller keeps the mail to try again.
import { readFileSync } from 'node:fs';
import nodemailer from 'nodemailer';
import type { MailText } from '../../policies/alerts/index.ts';
import { err, ok, type Result } from '../../policies/result.ts';
import type { SiteMail } from '../../policies/roster/file/site-document.ts';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

/** The relay as the mailer uses it: the site's section with its files read. */
export interface MailRelay {
	readonly host: string;
	readonly port: number;
	readonly starttls: boolean;
	readonly from: string;
	readonly auth?: { readonly user: string; readonly pass: string };
	readonly ca?: string;
}

export type MailFailureKind = 'unreachable' | 'tls' | 'auth' | 'refused';

export interface MailFailure {
	readonly kind: MailFailureKind;
	/** For the bridge's log: what happened and what to mend; never the mail's text. */
	readonly message: string;
}

export interface Mailer {
	/**
	 * Sends one mail; resolves with the relay's answer once it accepted it.
	 * `messageId` (`<…@…>`) makes a mail sent again after a crash the same
	 * message, which recipients' mail programs can tell apart from a new one.
	 */
	send(to: string, text: MailText, options?: { readonly messageId?: string }): Promise<Result<{ readonly response: string }, MailFailure>>;
	close(): void;
}

/** The relay from the site's section, its password and CA files read; an error names the file. */
export function relayOf(site: SiteMail): Result<MailRelay, string> {
	const read = (what: string, path: string): Result<string, string> => {
		try {
			return ok(readFileSync(path, 'utf8'));
		} catch (error) {
			return err(`mail.${what}: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`);
		}
	};
	if (!site.starttls && site.port !== 465 && !LOOPBACK.test(site.host))
		return err(
			`mail: ${site.host}:${site.port} without TLS would carry the mail in the clear; set mail.starttls: true (or port 465), or relay through this host (127.0.0.1)`,
		);
	let auth: MailRelay['auth'];
	if (site.username !== undefined) {
		if (site.passwordFile === undefined)
			return err('mail.username is set but mail.password_file is not: name the file holding the password');
		const pass = read('password_file', site.passwordFile);
		if (!pass.ok) return pass;
		auth = { user: site.username, pass: pass.value.trim() };
	}
	let ca: string | undefined;
	if (site.caFile !== undefined) {
		const pem = read('ca_file', site.caFile);
		if (!pem.ok) return pem;
		ca = pem.value;
	}
	return ok({
		host: site.host,
		port: site.port,
		starttls: site.starttls,
		from: site.from,
		...(auth === undefined ? {} : { auth }),
		...(ca === undefined ? {} : { ca }),
	});
}

function failure(error: unknown, relay: MailRelay): MailFailure {
	const e = error as { code?: string; responseCode?: number; message?: string };
	const at = `${relay.host}:${relay.port}`;
	const said = (e.message ?? String(error)).slice(0, 200);
	if (e.code === 'EAUTH')
		return { kind: 'auth', message: `the mail relay ${at} refused the sign-in (${said}): check mail.username and mail.password_file` };
	if (e.code === 'ETLS' || /certificate|self.signed|STARTTLS|TLS/i.test(said))
		return {
			kind: 'tls',
			message: `no verified TLS with the mail relay ${at} (${said}): mail is sent only over TLS to a relay whose certificate checks out (mail.starttls, mail.ca_file)`,
		};
	if (e.code === 'EENVELOPE' || e.code === 'EMESSAGE' || (e.responseCode !== undefined && e.responseCode >= 500))
		return { kind: 'refused', message: `the mail relay ${at} refused the mail (${said})` };
	return { kind: 'unreachable', message: `the mail relay ${at} could not be reached (${said}); will try again` };
}

export function mailer(relay: MailRelay): Mailer {
	const transport = nodemailer.createTransport({
		host: relay.host,
		port: relay.port,
		secure: relay.port === 465,
		requireTLS: relay.starttls,
		...(relay.auth === undefined ? {} : { auth: { user: relay.auth.user, pass: relay.auth.pass } }),
		tls: { minVersion: 'TLSv1.2', rejectUnauthorized: true, ...(relay.ca === undefined ? {} : { ca: relay.ca }) },
		connectionTimeout: 30_000,
		greetingTimeout: 30_000,
		socketTimeout: 60_000,
	});
	return {
		async send(to, text, options = {}) {
			try {
				const info = await transport.sendMail({
					...(options.messageId === undefined ? {} : { messageId: options.messageId }),
					from: relay.from,
					to,
					subject: text.subject,
					text: text.body,
					// RFC 3834: an automatic message, not to be answered by other robots.
					headers: { 'Auto-Submitted': 'auto-generated' },
					xMailer: false,
				});
				return ok({ response: String(info.response) });
			} catch (error) {
				return err(failure(error, relay));
			}
		},
		close: () => transport.close(),
	};
}
