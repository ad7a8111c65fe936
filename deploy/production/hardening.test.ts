// Issue 15, acceptance 6 (the unit half): each hardening point of the
// generated installation, checked on the files themselves. No development
// setting reaches them (the development overlay's raised rate limits and
// fast bcrypt, the local federations' short retries and private CAs, open
// registration); the admin API answers the host only; every Synapse
// listener — replication and metrics included — is on loopback; Redis is
// bound to loopback with protected mode and a password; nginx adds the
// security headers wherever it answers for the homeserver. The same files
// pass `nginx -t` and Synapse's own config check in
// tests/security/production-checks.test.ts.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT_ONLY_KEYS, developmentOverlay } from '../config/development.ts';
import { CLOSED_FEDERATION_RETRIES, LOCAL_FEDERATION_RETRIES } from '../config/federation-retries.ts';
import { sampleRoster } from '../config/sample-roster.ts';
import { generateProductionFiles } from './generate.ts';
import { DEFAULT_PRODUCTION_OPTIONS } from './options.ts';
import { HOMESERVER_SECURITY_HEADERS } from './security-headers.ts';

const generated = generateProductionFiles({
	roster: sampleRoster,
	authority: 'bb-two',
	rosterPath: '/etc/rogatory/roster.yaml',
	sitePath: '/etc/rogatory/site.yaml',
	webUrl: 'https://rogatory.two.bb.example',
	rogatoryWritable: ['/var/lib/rogatory'],
});
if (!generated.ok) throw new Error(generated.error);
const files = new Map(generated.value.map((f) => [f.path, f.content]));
const text = (path: string): string => {
	const content = files.get(path);
	if (content === undefined) throw new Error(`no ${path}`);
	return content;
};
const yamlFiles = [...files].filter(([path]) => path.endsWith('.yaml') && !path.includes('log.config'));
const homeserver = parse(text('homeserver.yaml')) as Record<string, unknown>;
const workerFiles = yamlFiles.filter(([path]) => path.startsWith('workers/'));
/** What each worker runs with: homeserver.yaml with its own file over it, as Synapse reads `-c homeserver.yaml -c workers/<name>.yaml`. */
const processes: [string, Record<string, unknown>][] = [
	['main', homeserver],
	...workerFiles.map(([path, content]): [string, Record<string, unknown>] => [path, { ...homeserver, ...(parse(content) as object) }]),
];
const nginx = text('nginx/matrix.two.bb.example.conf');
const servers = nginx.split(/^server \{$/m).slice(1);
const homeserverBlocks = servers.filter((s) => s.includes('server_name matrix.two.bb.example;'));

/** Every key at any depth, with its path: a dev setting nested anywhere is found too. */
function keyPaths(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
	return Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keyPaths(v, `${prefix}${k}.`)]);
}

interface Listener {
	readonly type: string;
	readonly port: number;
	readonly bind_addresses?: string[];
	readonly resources?: { names: string[] }[];
}
const listenersOf = (config: Record<string, unknown>): Listener[] => [
	...((config['listeners'] as Listener[] | undefined) ?? []),
	...((config['worker_listeners'] as Listener[] | undefined) ?? []),
];

describe('no development setting reaches the production files', () => {
	it.each(DEVELOPMENT_ONLY_KEYS.map((key) => [key]))('%s (the development overlay) is in no generated config', (key) => {
		for (const [name, config] of processes) expect(keyPaths(config), name).not.toContain(key);
		for (const [path, content] of files) expect(content, path).not.toMatch(new RegExp(`^\\s*${key}:`, 'm'));
	});

	it('no per-action rate limit is overridden at all: Synapse’s own defaults apply', () => {
		for (const [name, config] of processes)
			expect(
				keyPaths(config).filter((k) => /^rc_/.test(k)),
				name,
			).toEqual([]);
	});

	it('password hashing keeps Synapse’s cost (no bcrypt_rounds, whose overlay value is 4)', () => {
		expect(developmentOverlay()['bcrypt_rounds']).toBe(4);
		for (const [, content] of files) expect(content).not.toContain('bcrypt_rounds');
	});

	it('registration stays closed, with no way around verification', () => {
		for (const [name, config] of processes) {
			expect(config['enable_registration'], name).toBe(false);
			expect(config, name).not.toHaveProperty('enable_registration_without_verification');
			expect(config, name).not.toHaveProperty('registration_requires_3pid');
			expect(config, name).not.toHaveProperty('registration_shared_secret');
		}
	});

	it('federation retries are the production ones, never the local federations’ shorter ones', () => {
		const expected = {
			destination_min_retry_interval: CLOSED_FEDERATION_RETRIES.min,
			destination_retry_multiplier: CLOSED_FEDERATION_RETRIES.multiplier,
			destination_max_retry_interval: CLOSED_FEDERATION_RETRIES.max,
		};
		for (const [name, config] of processes) expect(config['federation'], name).toEqual(expected);
		expect(text('homeserver.yaml')).not.toContain(`destination_max_retry_interval: ${LOCAL_FEDERATION_RETRIES.max}`);
	});

	it('peers are verified against public CAs with Synapse’s address blocklist: no local CA, no private ranges allowed', () => {
		for (const [name, config] of processes) {
			for (const key of [
				'federation_custom_ca_list',
				'ip_range_whitelist',
				'ip_range_blacklist',
				'use_insecure_ssl_client_just_for_testing_do_not_use',
			])
				expect(config, `${name} ${key}`).not.toHaveProperty(key);
			expect(config, name).toMatchObject({ federation_verify_certificates: true, trusted_key_servers: [], report_stats: false });
		}
	});
});

describe('the admin API answers the host only', () => {
	it('nginx lets only loopback reach /_synapse/admin, media admin included, on both homeserver ports', () => {
		expect(homeserverBlocks).toHaveLength(2);
		for (const block of homeserverBlocks) {
			const admin = /location \^~ \/_synapse\/admin \{([\s\S]*?)\n\t\}/.exec(block)?.[1] ?? '';
			// ^~: no regular-expression location (the workers' routes) is ever tried for these paths.
			expect(admin).toMatch(/^\s*allow 127\.0\.0\.1;\s*allow ::1;\s*deny all;/);
			for (const nested of admin.split(/location ~ /).slice(1))
				expect(nested).toMatch(/^\S+ \{\s*allow 127\.0\.0\.1;\s*allow ::1;\s*deny all;/);
		}
	});

	it('the web app’s host proxies nothing of Synapse’s', () => {
		const web = servers.find((s) => s.includes('server_name rogatory.two.bb.example;')) ?? '';
		expect(web).not.toMatch(/_synapse|_matrix|synapse_/);
	});

	it('no Synapse process can be reached around nginx: every HTTP listener is on loopback', () => {
		for (const [name, config] of processes)
			for (const listener of listenersOf(config)) expect(listener.bind_addresses, `${name} ${listener.port}`).toEqual(['127.0.0.1']);
	});
});

describe('replication and metrics stay on the host', () => {
	it('each process has its metrics listener on loopback, and metrics are on', () => {
		for (const [name, config] of processes) {
			const own = name === 'main' ? (config['listeners'] as Listener[]) : (config['worker_listeners'] as Listener[]);
			const metrics = own.filter((l) => l.type === 'metrics');
			expect(metrics, name).toHaveLength(1);
			expect(metrics[0]?.bind_addresses, name).toEqual(['127.0.0.1']);
			expect(config['enable_metrics'], name).toBe(true);
		}
	});

	it('every replication listener, and every address in instance_map, is loopback', () => {
		const replication = processes.flatMap(([, config]) =>
			listenersOf(config).filter((l) => (l.resources ?? []).some((r) => r.names.includes('replication'))),
		);
		expect(replication.length).toBeGreaterThanOrEqual(2);
		for (const listener of replication) expect(listener.bind_addresses).toEqual(['127.0.0.1']);
		for (const location of Object.values(homeserver['instance_map'] as Record<string, { host: string }>))
			expect(location.host).toBe('127.0.0.1');
	});

	it('nginx routes nothing to a replication or metrics port', () => {
		const closed = processes.flatMap(([, config]) =>
			listenersOf(config)
				.filter((l) => l.type === 'metrics' || (l.resources ?? []).some((r) => r.names.includes('replication')))
				.map((l) => l.port),
		);
		for (const port of closed) expect(nginx).not.toContain(`127.0.0.1:${port};`);
	});
});

describe('Redis is not open', () => {
	const redis = text('rogatory/redis.conf');
	it('binds loopback only, protected mode on, a password required, nothing written to disk', () => {
		const binds = redis.split('\n').filter((l) => l.startsWith('bind '));
		expect(binds).toEqual(['bind 127.0.0.1 -::1']);
		expect(redis).toMatch(/^protected-mode yes$/m);
		expect(redis).toMatch(/^include \/etc\/redis\/rogatory-requirepass\.conf$/m);
		expect(redis).toMatch(/^save ""$/m);
		expect(redis).toMatch(/^rename-command CONFIG ""$/m);
	});

	it('Synapse reaches it on loopback with the password from its file', () => {
		expect(homeserver['redis']).toEqual({
			enabled: true,
			host: '127.0.0.1',
			port: DEFAULT_PRODUCTION_OPTIONS.redisPort,
			password_path: '/etc/matrix-synapse/secrets/redis_password',
		});
	});
});

describe('nginx’s headers and limits', () => {
	it('adds every security header on the homeserver’s host, in every location that sets headers of its own too', () => {
		for (const block of homeserverBlocks) {
			const scopes = [
				block.split(/\n\tlocation /)[0] ?? '',
				...block
					.split(/\n\tlocation /)
					.slice(1)
					.filter((l) => l.includes('add_header')),
			];
			for (const scope of scopes)
				for (const [name, value] of HOMESERVER_SECURITY_HEADERS) expect(scope).toContain(`add_header ${name} "${value}" always;`);
		}
	});

	it('names no version, and rate-limits sign-in and the client API per address', () => {
		for (const server of servers) expect(server).toContain('\tserver_tokens off;\n');
		expect(nginx).toMatch(/^limit_req_zone \$binary_remote_addr zone=matrix_two_bb_example_sign_in:10m rate=10r\/m;$/m);
		for (const block of homeserverBlocks) {
			expect(block).toMatch(
				/location ~ \^\/_matrix\/client\/\(api\/v1\|r0\|v3\|unstable\)\/\(login\|register\|account\/password\) \{\s*limit_req zone=matrix_two_bb_example_sign_in/,
			);
			expect(block).toContain('location ~ ^/_matrix/client/(r0|v3)/sync$ { limit_req zone=matrix_two_bb_example_client');
		}
	});

	it('delegates server discovery to port 443 of the homeserver’s host', () => {
		expect(homeserverBlocks[0]).toContain(`return 200 '{"m.server":"matrix.two.bb.example:443"}';`);
	});
});

describe('the services run unprivileged', () => {
	it('each unit names a user that is not root and restricts what it may write', () => {
		const units = [...files].filter(([path]) => path.endsWith('.service'));
		expect(units.length).toBe(5);
		for (const [path, unit] of units) {
			expect(unit, path).toMatch(/^User=(?!root$)\S+$/m);
			expect(unit, path).toMatch(/^NoNewPrivileges=yes$/m);
			expect(unit, path).toMatch(/^ProtectSystem=strict$/m);
			expect(unit, path).toMatch(/^ReadWritePaths=\S/m);
		}
	});
});
