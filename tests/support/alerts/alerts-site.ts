// One authority's bridge set up to escalate by mail, for the escalation's
// integration test and bench: a real SMTP relay on loopback (smtp-server
// over STARTTLS with a certificate of the test's own CA; mailparser reads
// what it accepted, with the time it did), the site's `mail` section naming
// it, a people file with two 24/7 focal points and a central-authority
// officer with addresses, and the 24/7 rota in the bridge's directory state
// (as its directory presence keeps its editors' entries there) — the first
// on call now, the second next.
// NOTE: under a network no directory room is kept for, so the bridge re-sends none of it anywhere.
// Its parts — the relay, the mail section, the rota — also set up the
// end-to-end tests' stand-in bridge (tests/e2e/support/stand-in-bridge.ts).
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { issueRogueCertificate } from '../../../deploy/certs/certificates.ts';
import type { LocalHomeserver } from '../../../deploy/local/federation.ts';
import { ensureSynapse } from '../../../deploy/synapse/install.ts';
import type { PersonEntry } from '../../../policies/directory/types.ts';
import { botSetup, type BotSetup } from '../bot/bot-process.ts';

const HOST = '127.0.0.1';
const HOUR = 3_600_000;
/** A network no directory room is kept for: the bridge re-sends none of its entries anywhere. */
export const ROTA_NETWORK = 'NOT-A-NETWORK';

export interface AcceptedMail {
	readonly mail: ParsedMail;
	/** When the relay accepted it (its DATA answered), ms since 1970. */
	readonly acceptedAt: number;
}

export interface AlertsSite {
	readonly setup: BotSetup;
	/** The site's sender address. */
	readonly from: string;
	/** The people of the site, in the order the escalation reaches them, with their addresses. */
	readonly people: readonly { readonly localpart: string; readonly email: string }[];
	readonly received: AcceptedMail[];
	userId(localpart: string): string;
	close(): Promise<void>;
}

export interface MailRelay {
	readonly port: number;
	/** The test CA's certificate, the site's mail.ca_file. */
	readonly caCert: string;
	readonly received: AcceptedMail[];
	close(): Promise<void>;
}

/** A relay on loopback (smtp-server over STARTTLS, a certificate of a CA made in `dir`), started here. */
export async function startMailRelay(dir: string): Promise<MailRelay> {
	const synapse = await ensureSynapse(process.cwd());
	if (!synapse.ok) throw new Error(synapse.error);
	const cert = await issueRogueCertificate(synapse.value.python, join(dir, 'smtp-cert'), HOST);
	if (!cert.ok) throw new Error(cert.error);
	const received: AcceptedMail[] = [];
	const smtp = new SMTPServer({
		key: readFileSync(cert.value.key),
		cert: readFileSync(cert.value.cert),
		authOptional: true,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					received.push({ mail, acceptedAt: Date.now() });
					callback();
				},
				(error: Error) => callback(error),
			);
		},
	});
	await new Promise<void>((resolve) => smtp.listen(0, HOST, resolve));
	const address = smtp.server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return {
		port,
		caCert: cert.value.caCert,
		received,
		close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
	};
}

/** The site's sender address for `hs` (ng-ca → rogatory@ca.ng.example). */
export const siteFrom = (hs: Pick<LocalHomeserver, 'id'>): string => `rogatory@${hs.id.split('-').reverse().join('.')}.example`;

/** The site file's `mail` section naming the relay. */
export const mailSectionYaml = (relay: Pick<MailRelay, 'port' | 'caCert'>, from: string): string =>
	`mail:\n  host: ${HOST}\n  port: ${relay.port}\n  starttls: true\n  from: ${from}\n  ca_file: ${relay.caCert}\n`;

/**
 * The 24/7 rota as the bridge's directory state keeps it (state-file.ts's `entries`), under a network no
 * directory room is kept for: `localparts[0]` on call from an hour ago for eight hours, `localparts[1]` next.
 */
export function rotaEntries(
	hs: Pick<LocalHomeserver, 'id' | 'serverName'>,
	bridge: string,
	localparts: readonly [string, string],
	now = Date.now(),
): Record<string, Record<string, unknown>> {
	const userId = (localpart: string): string => `@${localpart}:${hs.serverName}`;
	const point = (localpart: string, from: number, to: number) => {
		const entry: PersonEntry = {
			id: userId(localpart),
			authority: hs.id as PersonEntry['authority'],
			name: localpart,
			roles: ['focal-point-24-7'],
			languages: ['en'],
			matrixId: userId(localpart),
			rota: [{ from: new Date(from).toISOString(), to: new Date(to).toISOString() }],
		};
		return [
			`person:${entry.id}`,
			{ payload: { type: 'person', entry, updated: { at: new Date(now).toISOString(), by: bridge } }, eventId: `$${entry.id}` },
		] as const;
	};
	return {
		[ROTA_NETWORK]: Object.fromEntries([
			point(localparts[0], now - HOUR, now + 8 * HOUR),
			point(localparts[1], now + 8 * HOUR, now + 16 * HOUR),
		]),
	};
}

/** Sets up `hs`'s bridge (not started) to escalate by mail through a relay started here. */
export async function alertsSite(hs: LocalHomeserver, all: readonly LocalHomeserver[]): Promise<AlertsSite> {
	const setup = await botSetup(hs, all);
	const dir = join(setup.sitePath, '..');
	const relay = await startMailRelay(dir);
	const from = siteFrom(hs);
	appendFileSync(setup.sitePath, mailSectionYaml(relay, from));
	const domain = from.split('@')[1]!;
	const people = [
		{ localpart: 'tunde.adeyemi', name: 'Tunde Adeyemi', roles: '[focal-point, focal-point-24-7]', language: 'en' },
		{ localpart: 'ifeoma.nwosu', name: 'Ifeoma Nwosu', roles: '[focal-point-24-7]', language: 'fr' },
		{ localpart: 'amina.bello', name: 'Amina Bello', roles: '[central-authority-officer]', language: 'en' },
	].map((p) => ({ ...p, email: `${p.localpart.split('.')[0]}@${domain}` }));
	writeFileSync(
		join(dir, `${hs.id}.people.yaml`),
		`authority: ${hs.id}\npeople:\n${people
			.map(
				(p) =>
					`  - localpart: ${p.localpart}\n    display_name: ${p.name}\n    roles: ${p.roles}\n    language: ${p.language}\n    email: ${p.email}\n`,
			)
			.join('')}`,
	);
	const userId = (localpart: string): string => `@${localpart}:${hs.serverName}`;
	mkdirSync(setup.config.secretsDir, { recursive: true, mode: 0o700 });
	writeFileSync(
		join(setup.config.secretsDir, 'directory.json'),
		JSON.stringify({
			rooms: {},
			editorsSent: {},
			editorsPending: {},
			entries: rotaEntries(hs, setup.userId, ['tunde.adeyemi', 'ifeoma.nwosu']),
			devices: {},
		}),
		{ mode: 0o600 },
	);
	return {
		setup,
		from,
		people: people.map(({ localpart, email }) => ({ localpart, email })),
		received: relay.received,
		userId,
		close: () => relay.close(),
	};
}
