import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import { EXPECTED_PRIVACY } from '../config/testing/expected-privacy.ts';
import { DEVELOPMENT_ONLY_KEYS } from '../config/development.ts';
import { PERSONAL_DATA_KEYS, personalDataSettings } from '../config/privacy.ts';
import { sampleRoster } from '../config/sample-roster.ts';
import { generateProductionFiles } from './generate.ts';

const input = (authority: string) => ({
	roster: sampleRoster,
	authority,
	rosterPath: '/etc/rogatory/roster.yaml',
	sitePath: '/etc/rogatory/site.yaml',
	webUrl: 'https://rogatory.two.bb.example',
	rogatoryWritable: ['/var/lib/rogatory'],
});

function filesOf(authority: string) {
	const generated = generateProductionFiles(input(authority));
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

	it('runs on PostgreSQL with Redis, an event persister, a federation sender and the media repository off the main process', () => {
		expect(homeserver).toMatchObject({
			database: { name: 'psycopg2', args: { host: '/var/run/postgresql', dbname: 'synapse', user: 'matrix-synapse' } },
			redis: { enabled: true },
			federation_sender_instances: ['federation_sender1'],
			stream_writers: { events: ['event_persister1'] },
			instance_map: { main: { host: '127.0.0.1', port: 9093 }, event_persister1: { host: '127.0.0.1', port: 9094 } },
			enable_media_repo: false,
			media_instance_running_background_jobs: 'media_repository1',
		});
		for (const name of ['client_reader1', 'federation_inbound1', 'event_persister1', 'federation_sender1'])
			expect(yamlOf(files, `workers/${name}.yaml`)).toMatchObject({ worker_app: 'synapse.app.generic_worker', worker_name: name });
		expect(yamlOf(files, 'workers/media_repository1.yaml')).toMatchObject({ worker_app: 'synapse.app.media_repository' });
		expect(yamlOf(files, 'workers/event_persister1.yaml')['worker_listeners']).toContainEqual({
			type: 'http',
			port: 9094,
			bind_addresses: ['127.0.0.1'],
			resources: [{ names: ['replication'] }],
		});
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
		const listeners = homeserver['listeners'] as { bind_addresses: string[]; resources?: { names: string[] }[] }[];
		const replication = listeners.filter((l) => (l.resources ?? []).some((r) => r.names.includes('replication')));
		expect(replication).toHaveLength(1);
		expect(replication[0]?.bind_addresses).toEqual(['127.0.0.1']);
	});

	it('ships an nginx site that names no version, lets only the host reach the admin API, and stops uploads at the client’s limit', () => {
		const site = files.get('nginx/matrix.two.bb.example.conf') ?? '';
		expect(site).toContain('server_name matrix.two.bb.example;');
		expect(site).toContain('listen 8448 ssl http2;');
		const servers = site.split(/^server \{$/m).slice(1);
		expect(servers).toHaveLength(3);
		for (const server of servers) {
			expect(server).toContain('\tserver_tokens off;\n');
			expect(server).toContain(`\tclient_max_body_size ${MAX_ATTACHMENT_BYTES};\n`);
		}
		for (const server of servers.slice(0, 2))
			expect(server).toMatch(/location \^~ \/_synapse\/admin \{\s*allow 127\.0\.0\.1;\s*allow ::1;\s*deny all;/);
		expect(servers[2]).toContain('server_name rogatory.two.bb.example;');
		expect(servers[2]).not.toContain('/_synapse');
	});

	it('refuses an authority the roster does not know', () => {
		const generated = generateProductionFiles(input('zz-nobody'));
		expect(generated.ok).toBe(false);
		if (!generated.ok) expect(generated.error).toContain('aa-one');
	});
});

describe('the web app’s address', () => {
	it('must be https: nginx serves it over TLS', () => {
		const generated = generateProductionFiles({ ...input('bb-two'), webUrl: 'http://127.0.0.1:18080' });
		expect(generated.ok).toBe(false);
		if (!generated.ok) expect(generated.error).toContain('must be an https URL in production');
	});
});
