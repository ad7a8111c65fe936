// The bridge's mailer (bridge/alerts/mailer.ts) against a real SMTP conversation on loopback: a local
// relay (smtp-server, the SMTP server of nodemailer's authors) with a
// certificate from a CA of the test's own, mailparser to read what it got.
// The mail arrives over STARTTLS, content-free, marked automatic; a relay
// that does not offer STARTTLS (a downgrade), one whose certificate the CA
// did not sign, and a wrong password each get nothing, and the refusal says
// what to mend.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRogueCertificate } from '../../deploy/certs/certificates.ts';
import { ensureSynapse } from '../../deploy/synapse/install.ts';
import { mailText } from '../../policies/alerts/index.ts';
import { mailer, relayOf, type MailRelay } from '../../bridge/alerts/mailer.ts';

const HOST = '127.0.0.1';
const LINK = 'https://rogatory.example/en/notifications';
const TEXT = mailText({ urgentRequests: 1, newRequests: 0, updates: 0 }, LINK, 'en')!;

interface Relay {
	readonly port: number;
	readonly received: ParsedMail[];
	close(): Promise<void>;
}

async function relay(options: SMTPServerOptions): Promise<Relay> {
	const received: ParsedMail[] = [];
	const server = new SMTPServer({
		...options,
		onData(stream, _session, callback) {
			simpleParser(stream).then(
				(mail) => {
					received.push(mail);
					callback();
				},
				(error: Error) => callback(error),
			);
		},
	});
	await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
	const address = server.server.address();
	const port = typeof address === 'object' && address !== null ? address.port : 0;
	return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let dir: string;
let trusted: { cert: string; key: string; ca: string };
let rogue: { cert: string; key: string };
const opened: Relay[] = [];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rogatory-mail-'));
	const synapse = await ensureSynapse(process.cwd());
	if (!synapse.ok) throw new Error(synapse.error);
	const ours = await issueRogueCertificate(synapse.value.python, join(dir, 'ours'), HOST);
	const theirs = await issueRogueCertificate(synapse.value.python, join(dir, 'theirs'), HOST);
	if (!ours.ok || !theirs.ok) throw new Error(`certificates: ${ours.ok ? '' : ours.error} ${theirs.ok ? '' : theirs.error}`);
	const { readFileSync } = await import('node:fs');
	trusted = {
		cert: readFileSync(ours.value.cert, 'utf8'),
		key: readFileSync(ours.value.key, 'utf8'),
		ca: readFileSync(ours.value.caCert, 'utf8'),
	};
	rogue = { cert: readFileSync(theirs.value.cert, 'utf8'), key: readFileSync(theirs.value.key, 'utf8') };
});
afterAll(async () => {
	for (const r of opened) await r.close();
	rmSync(dir, { recursive: true, force: true });
});

async function started(options: SMTPServerOptions): Promise<Relay> {
	const r = await relay(options);
	opened.push(r);
	return r;
}

const to = (r: Relay, extra: Partial<MailRelay> = {}): MailRelay => ({
	host: HOST,
	port: r.port,
	starttls: true,
	from: 'rogatory@gt.example',
	ca: trusted.ca,
	...extra,
});

describe('the bridge’s mailer', () => {
	it('delivers over STARTTLS to a relay whose certificate the site’s CA signed: content-free, automatic', async () => {
		const r = await started({ key: trusted.key, cert: trusted.cert, authOptional: true });
		const m = mailer(to(r));
		const sent = await m.send('focal.point@gt.example', TEXT);
		m.close();
		expect(sent.ok).toBe(true);
		expect(r.received).toHaveLength(1);
		const mail = r.received[0]!;
		expect(mail.subject).toBe('You have 1 urgent request waiting in Rogatory');
		expect(mail.text).toBe(TEXT.body);
		expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
		expect(mail.headers.has('x-mailer')).toBe(false);
		expect(mail.to && 'text' in mail.to && mail.to.text).toBe('focal.point@gt.example');
	});

	it('sends nothing to a relay that does not offer STARTTLS (a downgrade), and says why', async () => {
		// NOTE: not only hidden (hideSTARTTLS): the mailer tries STARTTLS unasked, and a hidden one still works.
		const r = await started({ key: trusted.key, cert: trusted.cert, disabledCommands: ['STARTTLS'], authOptional: true });
		const m = mailer(to(r));
		const sent = await m.send('focal.point@gt.example', TEXT);
		m.close();
		expect(sent).toMatchObject({ ok: false, error: { kind: 'tls' } });
		expect(!sent.ok && sent.error.message).toMatch(/TLS/);
		expect(r.received).toEqual([]);
	});

	it('sends nothing to a relay whose certificate the site’s CA did not sign', async () => {
		const r = await started({ key: rogue.key, cert: rogue.cert, authOptional: true });
		const m = mailer(to(r));
		const sent = await m.send('focal.point@gt.example', TEXT);
		m.close();
		expect(sent).toMatchObject({ ok: false, error: { kind: 'tls' } });
		expect(r.received).toEqual([]);
	});

	it('refuses a wrong password as a sign-in problem, naming the keys to check', async () => {
		const r = await started({
			key: trusted.key,
			cert: trusted.cert,
			onAuth: (auth, _session, callback) =>
				auth.username === 'rogatory' && auth.password === 'right'
					? callback(null, { user: 'rogatory' })
					: callback(new Error('Invalid username or password')),
		});
		const m = mailer(to(r, { auth: { user: 'rogatory', pass: 'wrong' } }));
		const sent = await m.send('focal.point@gt.example', TEXT);
		m.close();
		expect(sent).toMatchObject({ ok: false, error: { kind: 'auth' } });
		expect(!sent.ok && sent.error.message).toContain('mail.password_file');
		expect(r.received).toEqual([]);
	});
});

describe('the relay from the site file', () => {
	it('reads the password and CA files, and refuses a relay in the clear off this host', () => {
		writeFileSync(join(dir, 'smtp-password'), 'right\n');
		writeFileSync(join(dir, 'ca.pem'), trusted.ca);
		const site = { host: 'smtp.gt.example', port: 587, starttls: true, from: 'rogatory@gt.example' };
		expect(relayOf({ ...site, username: 'rogatory', passwordFile: join(dir, 'smtp-password'), caFile: join(dir, 'ca.pem') })).toEqual({
			ok: true,
			value: { ...site, auth: { user: 'rogatory', pass: 'right' }, ca: trusted.ca },
		});
		expect(relayOf({ ...site, starttls: false })).toMatchObject({ ok: false });
		expect(relayOf({ ...site, host: '127.0.0.1', port: 25, starttls: false }).ok).toBe(true);
		expect(relayOf({ ...site, username: 'rogatory' })).toMatchObject({ ok: false });
		const missing = relayOf({ ...site, caFile: join(dir, 'missing.pem') });
		expect(!missing.ok && missing.error).toContain('mail.ca_file');
	});
});
