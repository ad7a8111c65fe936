import { describe, expect, it } from 'vitest';
import { parseSite } from './parse-site.ts';
import { editLine } from './testing/valid-roster.ts';

const SITE = `authority: aa-one
urls:
  web: https://rogatory.one.aa.example
paths:
  data: /var/lib/rogatory
  register: bridge/register.sqlite
  sessions: web/sessions.sqlite
  secrets: bridge/secrets
  people: people.yaml
homeserver:
  admin_token_file: /etc/rogatory/admin-token
bridge:
  localpart: rogatory-bridge
  retry_seconds: 5
reminders:
  offsets_hours: [336, 24, 0]
  escalate_after_hours: 12
`;

describe('parseSite', () => {
	it('reads a valid site, reminders optional', () => {
		const parsed = parseSite(SITE, 'site.yaml');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.authority).toBe('aa-one');
		expect(parsed.value.homeserver.adminTokenFile).toBe('/etc/rogatory/admin-token');
		expect(parsed.value.bridge).toEqual({ localpart: 'rogatory-bridge', retrySeconds: 5 });
		expect(parsed.value.reminders).toEqual({ offsetsHours: [336, 24, 0], escalateAfterHours: 12 });
		expect(parsed.value.source.lines.get('paths.people')).toBe(9);
		const without = parseSite(SITE.split('reminders:')[0] ?? '', 'site.yaml');
		expect(without.ok && without.value.reminders).toBeUndefined();
	});

	it('reads the consent to report to the secretariat, absent (so false) unless written', () => {
		const parsed = parseSite(editLine(SITE, 14, '  retry_seconds: 5\n  report_to_secretariat: true'), 'site.yaml');
		expect(parsed.ok && parsed.value.bridge.reportToSecretariat).toBe(true);
		const off = parseSite(editLine(SITE, 14, '  report_to_secretariat: false'), 'site.yaml');
		expect(off.ok && off.value.bridge.reportToSecretariat).toBe(false);
		const left = parseSite(SITE, 'site.yaml');
		expect(left.ok && left.value.bridge).not.toHaveProperty('reportToSecretariat');
		const every = parseSite(editLine(SITE, 14, '  report_to_secretariat: true\n  report_statistics_every_hours: 168'), 'site.yaml');
		expect(every.ok && every.value.bridge.reportStatisticsEveryHours).toBe(168);
		expect(left.ok && left.value.bridge).not.toHaveProperty('reportStatisticsEveryHours');
		const reconcile = parseSite(editLine(SITE, 14, '  reconcile_every_minutes: 15'), 'site.yaml');
		expect(reconcile.ok && reconcile.value.bridge.reconcileEveryMinutes).toBe(15);
		expect(left.ok && left.value.bridge).not.toHaveProperty('reconcileEveryMinutes');
		const health = parseSite(editLine(SITE, 14, '  health_port: 9110'), 'site.yaml');
		expect(health.ok && health.value.bridge.healthPort).toBe(9110);
		expect(left.ok && left.value.bridge).not.toHaveProperty('healthPort');
	});

	it('reads the SMTP relay, and refuses a broken one naming the key', () => {
		const mail = (lines: string) => parseSite(`${SITE}mail:\n${lines}`, 'site.yaml');
		const read = mail(
			'  host: smtp.one.aa.example\n  port: 587\n  starttls: true\n  from: rogatory@one.aa.example\n  password_file: secrets/smtp\n',
		);
		expect(read.ok && read.value.mail).toEqual({
			host: 'smtp.one.aa.example',
			port: 587,
			starttls: true,
			from: 'rogatory@one.aa.example',
			passwordFile: 'secrets/smtp',
		});
		const escalating = mail(
			'  host: smtp.one.aa.example\n  port: 587\n  starttls: true\n  from: rogatory@one.aa.example\n  escalate_after_minutes: 15\n',
		);
		expect(escalating.ok && escalating.value.mail?.escalateAfterMinutes).toBe(15);
		const batching = mail(
			'  host: smtp.one.aa.example\n  port: 587\n  starttls: true\n  from: rogatory@one.aa.example\n  batch_minutes: 120\n',
		);
		expect(batching.ok && batching.value.mail?.batchMinutes).toBe(120);
		const capped = mail(
			'  host: smtp.one.aa.example\n  port: 587\n  starttls: true\n  from: rogatory@one.aa.example\n  urgent_mails_per_hour: 4\n',
		);
		expect(capped.ok && capped.value.mail?.urgentMailsPerHour).toBe(4);
		expect(
			mail('  host: smtp.one.aa.example\n  port: 587\n  starttls: true\n  from: rogatory@one.aa.example\n  batch_minutes: 0\n').ok,
		).toBe(false);
		expect(parseSite(SITE, 'site.yaml')).toMatchObject({ ok: true, value: { authority: 'aa-one' } });
		const broken = [
			['  host: smtp.one.aa.example\n  port: 70000\n  starttls: true\n  from: rogatory@one.aa.example\n', 'mail.port'],
			['  host: smtp.one.aa.example\n  port: 25\n  starttls: true\n  from: Rogatory <rogatory@one.aa.example>\n', 'mail.from'],
			['  host: smtp.one.aa.example\n  port: 25\n  from: rogatory@one.aa.example\n', 'mail.starttls'],
			[
				'  host: smtp.one.aa.example\n  port: 25\n  starttls: true\n  from: rogatory@one.aa.example\n  escalate_after_minutes: 0\n',
				'mail.escalate_after_minutes',
			],
			[
				'  host: smtp.one.aa.example\n  port: 25\n  starttls: true\n  from: rogatory@one.aa.example\n  urgent_mails_per_hour: 0\n',
				'mail.urgent_mails_per_hour',
			],
			[
				'  host: smtp.one.aa.example\n  port: 25\n  starttls: true\n  from: rogatory@one.aa.example\n  urgent_mails_per_hour: 2.5\n',
				'mail.urgent_mails_per_hour',
			],
		] as const;
		for (const [lines, key] of broken) {
			const got = mail(lines);
			expect(got.ok).toBe(false);
			expect(!got.ok && got.error.map((e) => e.path)).toContain(key);
		}
	});

	const refusals: [string, number, string, string, number][] = [
		['an unknown key', 3, '  web: https://rogatory.one.aa.example\n  admin: https://x.example', 'urls.admin', 4],
		['a web URL that is not http(s)', 3, '  web: file:///srv/rogatory', 'urls.web', 3],
		['a missing path', 7, '', 'paths.sessions', 5],
		['a bad authority id', 1, 'authority: AA-ONE', 'authority', 1],
		['a bad bridge localpart', 13, '  localpart: Rogatory Bridge', 'bridge.localpart', 13],
		['negative seconds', 14, '  retry_seconds: -1', 'bridge.retry_seconds', 14],
		['a consent that is not true or false', 14, '  report_to_secretariat: yes', 'bridge.report_to_secretariat', 14],
		['a statistics period of 0 hours', 14, '  report_statistics_every_hours: 0', 'bridge.report_statistics_every_hours', 14],
		['a statistics period in fractions', 14, '  report_statistics_every_hours: 1.5', 'bridge.report_statistics_every_hours', 14],
		['a reconciliation every 0 minutes', 14, '  reconcile_every_minutes: 0', 'bridge.reconcile_every_minutes', 14],
		['a reconciliation more than a day apart', 14, '  reconcile_every_minutes: 2000', 'bridge.reconcile_every_minutes', 14],
		['a health port out of range', 14, '  health_port: 70000', 'bridge.health_port', 14],
		['a health port that is a host', 14, '  health_port: 0.0.0.0:9110', 'bridge.health_port', 14],
		['a reminder offset that is not a number', 16, '  offsets_hours: [336, soon]', 'reminders.offsets_hours[1]', 16],
		['no reminder offsets', 16, '  offsets_hours: []', 'reminders.offsets_hours', 16],
		['an escalation of 0 hours', 17, '  escalate_after_hours: 0', 'reminders.escalate_after_hours', 17],
		['an empty homeserver section', 11, '', 'homeserver', 10],
		['a missing admin token file', 11, '  admin_token: t', 'homeserver.admin_token_file', 11],
	];

	it.each(refusals)('refuses %s, naming the key path and the line', (_what, line, text, path, reported) => {
		const parsed = parseSite(editLine(SITE, line, text), 'site.yaml');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) expect(parsed.error).toContainEqual({ file: 'site.yaml', path, line: reported, message: expect.any(String) as string });
	});
});
