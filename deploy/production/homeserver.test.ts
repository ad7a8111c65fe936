import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import { EXPECTED_PRIVACY } from '../config/testing/expected-privacy.ts';
import { DEVELOPMENT_ONLY_KEYS } from '../config/development.ts';
import { PERSONAL_DATA_KEYS, personalDataSettings } from '../config/privacy.ts';
import { sampleRoster } from '../config/sample-roster.ts';
import { generateProductionFiles } from './generate.ts';

function filesOf(authority: string) {
	const generated = generateProductionFiles(sampleRoster, authority);
	if (!generated.ok) throw new Error(generated.error);
	return new Map(generated.value.map((f) => [f.path, f.content]));
}

function yamlOf(files: Map<string, string>, path: string): Record<string, unknown> {
	const content = files.get(path);
	if (content === undefined) throw new Error(`no ${path}`);
	return parse(content) as Record<string, unknown>;
}

describe('production templates', () => {
	const files = filesOf('bb-two');
	const homeserver = yamlOf(files, 'homeserver.yaml');

	it('contains no development-only key in any generated file', () => {
		for (const [path, content] of files) {
			if (!path.endsWith('.yaml')) continue;
			const keys = Object.keys(parse(content) as object);
			for (const key of DEVELOPMENT_ONLY_KEYS) expect(keys, `${path} has ${key}`).not.toContain(key);
			expect(content).not.toMatch(/bcrypt_rounds|rc_message/);
		}
	});

	it('tries an unreachable peer again within a minute, however long it was down (a closed federation’s few peers)', () => {
		expect(homeserver['federation']).toEqual({
			destination_min_retry_interval: '5s',
			destination_retry_multiplier: 2,
			destination_max_retry_interval: '1m',
		});
	});

	it('whitelists the production server names of the roster peers, and only those', () => {
		expect(homeserver['server_name']).toBe('matrix.two.bb.example');
		expect(homeserver['federation_domain_whitelist']).toEqual(['matrix.one.aa.example', 'matrix.five.ee.example']);
		expect(yamlOf(filesOf('cc-three'), 'homeserver.yaml')['federation_domain_whitelist']).toEqual(['matrix.four.dd.example']);
	});

	it('runs on PostgreSQL with Redis, a federation sender and a generic worker', () => {
		expect(homeserver).toMatchObject({
			database: { name: 'psycopg2' },
			redis: { enabled: true },
			federation_sender_instances: ['federation_sender1'],
		});
		expect(yamlOf(files, 'workers/generic_worker1.yaml')).toMatchObject({
			worker_app: 'synapse.app.generic_worker',
			worker_name: 'generic_worker1',
		});
		expect(yamlOf(files, 'workers/federation_sender1.yaml')).toMatchObject({ worker_name: 'federation_sender1' });
	});

	it('keeps the local-only network settings out: public CAs, Synapse’s default IP blocklist', () => {
		for (const key of ['federation_custom_ca_list', 'ip_range_whitelist', 'ip_range_blacklist']) expect(homeserver).not.toHaveProperty(key);
		expect(homeserver).toMatchObject({ federation_verify_certificates: true, trusted_key_servers: [], report_stats: false });
	});

	it('carries the same privacy settings as the local homeservers the tests run', () => {
		for (const key of PERSONAL_DATA_KEYS) expect(homeserver[key], key).toEqual(personalDataSettings()[key]);
		expect(homeserver).toMatchObject(EXPECTED_PRIVACY);
	});

	it('authenticates replication and Redis with secrets read from files', () => {
		expect(homeserver).toMatchObject({
			worker_replication_secret_path: '/etc/matrix-synapse/secrets/worker_replication_secret',
			redis: { enabled: true, host: '127.0.0.1', password_path: '/etc/matrix-synapse/secrets/redis_password' },
		});
		for (const [path, content] of files) {
			expect(content, path).not.toMatch(
				/^\s*(worker_replication_secret|password|registration_shared_secret|macaroon_secret_key|form_secret):/m,
			);
		}
	});

	it('keeps the replication listener on loopback', () => {
		const listeners = homeserver['listeners'] as { bind_addresses: string[]; resources: { names: string[] }[] }[];
		const replication = listeners.filter((l) => l.resources.some((r) => r.names.includes('replication')));
		expect(replication).toHaveLength(1);
		expect(replication[0]?.bind_addresses).toEqual(['127.0.0.1']);
	});

	it('ships an nginx site that names no version, lets only the host reach the admin API, and stops uploads at the client’s limit', () => {
		const site = files.get('nginx/matrix.two.bb.example.conf') ?? '';
		expect(site).toContain('server_name matrix.two.bb.example;');
		expect(site).toContain('listen 8448 ssl;');
		const servers = site.split(/^server \{$/m).slice(1);
		expect(servers).toHaveLength(2);
		for (const server of servers) {
			expect(server).toContain('\tserver_tokens off;\n');
			expect(server).toContain(`\tclient_max_body_size ${MAX_ATTACHMENT_BYTES};\n`);
			expect(server).toMatch(
				/location \^~ \/_synapse\/admin \{\s*allow 127\.0\.0\.1;\s*allow ::1;\s*deny all;\s*proxy_pass http:\/\/synapse_main;\s*\}/,
			);
		}
		expect(site.match(/\ballow /g)).toHaveLength(4);
	});

	it('refuses an authority the roster does not know', () => {
		const generated = generateProductionFiles(sampleRoster, 'zz-nobody');
		expect(generated.ok).toBe(false);
		if (!generated.ok) expect(generated.error).toContain('aa-one');
	});
});
