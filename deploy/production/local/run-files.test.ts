import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSite } from '../../../policies/roster/file/parse-site.ts';
import { demoRoster } from '../../../policies/roster/testing/demo.ts';
import { DEMO_BRIDGE_HEALTH_PORT } from './demo-options.ts';
import { runSite, withClientUrls, withServerNames } from './run-files.ts';

const demoSite = readFileSync(join(import.meta.dirname, '..', '..', 'roster', 'demo-sites', 'gt-mp.yaml'), 'utf8');

describe('the run’s site file', () => {
	it('names the web app’s host and the bridge’s health port, and is still a valid site keeping its comments', () => {
		const text = runSite(demoSite, new URL('https://rogatory.gt-mp.demo.invalid'));
		const site = parseSite(text, 'gt-mp.site.yaml');
		expect(site.ok).toBe(true);
		if (!site.ok) return;
		expect(site.value.urls.web).toBe('https://rogatory.gt-mp.demo.invalid');
		expect(site.value.bridge.healthPort).toBe(DEMO_BRIDGE_HEALTH_PORT);
		expect(site.value.bridge.localpart).toBe('rogatory-bridge');
		expect(text).toContain('# Consent to send the network secretariats');
	});
});

describe('the run’s bridge config', () => {
	it('maps every authority’s server name of this machine to it, keeping the account', () => {
		const roster = { ...demoRoster, authorities: demoRoster.authorities.map((a) => ({ ...a, homeserver: `${a.id}.local.test` })) };
		const config = JSON.parse(
			withServerNames('{"homeserverUrl":"https://127.0.70.1","user":"rogatory-bridge","password":"p"}', roster),
		) as {
			servers: Record<string, string>;
			user: string;
		};
		expect(config.user).toBe('rogatory-bridge');
		expect(config.servers['gt-mp.local.test']).toBe('gt-mp');
		expect(Object.keys(config.servers)).toHaveLength(demoRoster.authorities.length);
	});
});

describe('the run’s federation file', () => {
	it('gives the development peers’ client URLs and keeps the others', () => {
		const file = JSON.stringify({
			profile: 'production',
			homeservers: [
				{ id: 'gt-mp', serverName: '127.0.70.1', clientUrl: 'https://127.0.70.1' },
				{ id: 'sv-fgr', serverName: '127.0.80.1', clientUrl: 'https://127.0.80.1' },
			],
		});
		const changed = JSON.parse(withClientUrls(file, { 'sv-fgr': 'http://127.0.80.1:27008' })) as {
			profile: string;
			homeservers: unknown[];
		};
		expect(changed.profile).toBe('production');
		expect(changed.homeservers).toEqual([
			{ id: 'gt-mp', serverName: '127.0.70.1', clientUrl: 'https://127.0.70.1' },
			{ id: 'sv-fgr', serverName: '127.0.80.1', clientUrl: 'http://127.0.80.1:27008' },
		]);
	});
});
