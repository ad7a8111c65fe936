import { describe, expect, it } from 'vitest';
import { parseSite } from '../../policies/roster/file/parse-site.ts';
import { demoRoster, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import { botConfig } from '../bot/config.ts';
import type { Register } from '../register/index.ts';
import { reportsOptions } from './options.ts';

const site = (bridge: string) => {
	const parsed = parseSite(
		`authority: gt-mp
urls:
  web: https://rogatory.mp.gt.example
paths:
  data: /var/lib/rogatory
  register: register.sqlite
  sessions: sessions.sqlite
  secrets: secrets
  people: people.yaml
homeserver:
  admin_token_file: /etc/rogatory/admin-token
bridge:
  localpart: rogatory-bridge
${bridge}`,
		'site.yaml',
	);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
	return parsed.value;
};

const optionsFor = (bridge: string) => {
	const config = botConfig({ homeserverUrl: 'http://127.0.0.1:1', user: 'rogatory-bridge', password: 'x' }, site(bridge), demoRoster, {
		version: 1,
		sha256: '0'.repeat(64),
	});
	if (!config.ok) throw new Error(config.error);
	return reportsOptions(config.value, {} as Register, '/secrets/reports.json');
};

describe('reportsOptions', () => {
	it('sends nothing unless the site consents, and reports every 24 hours by default', () => {
		const silent = optionsFor('');
		expect(silent.consent).toBe(false);
		expect(silent.statisticsEveryHours).toBe(24);
		const consenting = optionsFor('  report_to_secretariat: true\n  report_statistics_every_hours: 168\n');
		expect(consenting.consent).toBe(true);
		expect(consenting.statisticsEveryHours).toBe(168);
	});

	it('reports to each network of the authority, trusting its service account on the one homeserver the roster has host it', () => {
		const options = optionsFor('  report_to_secretariat: true\n');
		expect(options.authority).toBe(GUATEMALA.id);
		expect([...options.networks.keys()]).toEqual([REFCO.id]);
		expect(options.networks.get(REFCO.id)).toEqual(['matrix.mp.gt.rogatory.example']);
		expect(options.stateFile).toBe('/secrets/reports.json');
	});
});
