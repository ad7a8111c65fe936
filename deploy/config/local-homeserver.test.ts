import { describe, expect, it } from 'vitest';
import { EXPECTED_PRIVACY } from './testing/expected-privacy.ts';
import { allocateOctets } from './addresses.ts';
import { DEVELOPMENT_ONLY_KEYS } from './development.ts';
import { homeserverFiles } from './layout.ts';
import { localBaseConfig, localHomeserverConfig } from './local-homeserver.ts';
import { PERSONAL_DATA_KEYS } from './privacy.ts';
import { PROFILES } from './profiles.ts';
import { sampleRoster } from './sample-roster.ts';
import { planHomeservers } from './topology.ts';

const plans = planHomeservers(
	sampleRoster,
	PROFILES.test,
	allocateOctets(
		{},
		sampleRoster.authorities.map((a) => a.id),
	),
);
const member = plans[0]!;
const outsider = plans.find((p) => p.id === 'outsider')!;
const files = homeserverFiles('/data/test/aa-one');
const config = localHomeserverConfig(member, files, '/data/test/ca/ca.crt');

describe('localHomeserverConfig', () => {
	it('binds federation (TLS) and the client API (plain HTTP) to the homeserver’s own address only', () => {
		expect(config['listeners']).toEqual([
			expect.objectContaining({
				port: 28448,
				bind_addresses: ['127.0.20.1'],
				tls: true,
				resources: [{ names: ['federation'], compress: false }],
			}),
			expect.objectContaining({
				port: 28008,
				bind_addresses: ['127.0.20.1'],
				tls: false,
				resources: [{ names: ['client'], compress: false }],
			}),
		]);
	});

	it('verifies peers against the local CA only and reaches loopback peers', () => {
		expect(config).toMatchObject({
			federation_verify_certificates: true,
			federation_custom_ca_list: ['/data/test/ca/ca.crt'],
			trusted_key_servers: [],
			ip_range_whitelist: ['127.0.0.0/8'],
		});
		expect(config['ip_range_blacklist']).not.toContain('127.0.0.0/8');
		expect(config['ip_range_blacklist']).toContain('10.0.0.0/8');
	});

	it('whitelists exactly the roster peers, and the outsider has no whitelist at all', () => {
		expect(config['federation_domain_whitelist']).toEqual(member.federationWhitelist);
		expect(localHomeserverConfig(outsider, files, '/ca.crt')).not.toHaveProperty('federation_domain_whitelist');
	});

	it('phones no one and registers no one by itself', () => {
		expect(config).toMatchObject({ report_stats: false, url_preview_enabled: false, enable_registration: false });
	});

	it('keeps people’s data to the server: profiles, invitations, presence, encryption, forgetting, retention, upload size', () => {
		expect(config).toMatchObject(EXPECTED_PRIVACY);
		expect(PERSONAL_DATA_KEYS).toHaveLength(8);
	});

	it('leaves the outsider, a foreign server, on Synapse’s defaults for its own people', () => {
		const foreign = localHomeserverConfig(outsider, files, '/ca.crt');
		for (const key of PERSONAL_DATA_KEYS) expect(foreign).not.toHaveProperty(key);
	});

	it('keeps secrets in files, never inline', () => {
		for (const key of ['registration_shared_secret', 'macaroon_secret_key', 'form_secret']) {
			expect(config).not.toHaveProperty(key);
			expect(config[`${key}_path`]).toMatch(/^\/data\/test\/aa-one\/secrets\//);
		}
	});

	it('carries the development overlay, which overrides nothing of the base', () => {
		const base = localBaseConfig(member, files, '/ca.crt');
		for (const key of DEVELOPMENT_ONLY_KEYS) {
			expect(config).toHaveProperty(key);
			expect(base).not.toHaveProperty(key);
		}
		expect(config).toMatchObject({
			bcrypt_rounds: 4,
			federation: { destination_min_retry_interval: '1s', destination_max_retry_interval: '15s' },
		});
		expect(DEVELOPMENT_ONLY_KEYS).toEqual(
			expect.arrayContaining(['rc_message', 'rc_login', 'rc_registration', 'rc_joins', 'rc_invites', 'rc_room_creation', 'rc_federation']),
		);
	});
});
