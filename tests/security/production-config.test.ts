// Acceptance (issue 9, point 7, production half): the production homeserver
// configs the generator writes are accepted by Synapse itself, with every
// privacy option, replication and Redis authenticated from secret files.
// What is proved, exactly: Synapse 1.163's own HomeServerConfig, in the
// project's venv, generates the signing key as on a fresh host and then parses
// homeserver.yaml (the main process) and homeserver.yaml plus each worker file
// (the workers) with --no-secrets-in-config, reading every secret file the
// configs name; the values it parsed are checked below. Short of that: no
// PostgreSQL server is contacted (parsing the database section does not
// connect) and Synapse's check that the Redis client libraries are installed
// is bypassed (tests/security/support/load_synapse_config.py says why).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../policies/attachments/limits.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { generateProductionFiles } from '../../deploy/production/generate.ts';
import { DEFAULT_PRODUCTION_OPTIONS, type ProductionOptions } from '../../deploy/production/options.ts';
import { productionWorkers } from '../../deploy/production/worker-set.ts';
import { ensureProductionSecrets } from '../../deploy/production/write-secrets.ts';
import { ensureSynapse } from '../../deploy/synapse/install.ts';

const LOADER = fileURLToPath(new URL('./support/load_synapse_config.py', import.meta.url));
const DAY_MS = 24 * 60 * 60 * 1000;

interface Listener {
	readonly type: string;
	readonly port: number;
	readonly bind_addresses: string[];
	readonly resources: string[];
}

interface Parsed {
	readonly server_name: string;
	readonly listeners: Listener[];
	readonly worker_listeners: Listener[];
	readonly database_engine: string;
	readonly require_auth_for_profile_requests: boolean;
	readonly limit_profile_requests_to_users_who_share_rooms: boolean;
	readonly include_profile_data_on_invite: boolean;
	readonly presence_enabled: boolean;
	readonly encrypted_presets: string[];
	readonly forget_on_leave: boolean;
	readonly user_ips_max_age_ms: number;
	readonly redaction_retention_period_ms: number;
	readonly max_upload_size: number | null;
	readonly federation_domain_whitelist: string[];
	readonly signing_keys: number;
	readonly macaroon_secret_key: string;
	readonly form_secret: string;
	readonly worker_replication_secret: string | null;
	readonly redis: { enabled: boolean; host: string; port: number; password: string | null };
	readonly worker_app: string | null;
	readonly worker_name: string | null;
	readonly instance_map: Record<string, { host: string; port: number }>;
	readonly federation_sender_instances: string[];
}

interface Loaded {
	readonly main: Parsed;
	readonly workers: Record<string, Parsed>;
	readonly redis_dependency_checks_bypassed: number;
}

function loadWithSynapse(
	python: string,
	cwd: string,
	files: readonly string[],
): { loaded?: Loaded; stderr: string; status: number | null } {
	const env = { ...process.env };
	// A PYTHONPATH or PYTHONHOME meant for another Python would break the venv's.
	delete env['PYTHONPATH'];
	delete env['PYTHONHOME'];
	const run = spawnSync(python, [LOADER, ...files], { cwd, encoding: 'utf8', env });
	return run.status === 0
		? { loaded: JSON.parse(run.stdout) as Loaded, stderr: run.stderr, status: 0 }
		: { stderr: run.stderr, status: run.status };
}

describe('the production homeserver configs, as Synapse reads them', () => {
	let dir: string;
	let options: ProductionOptions;
	let python: string;
	let loaded: Loaded;
	const secret = (name: string): string => readFileSync(join(options.configDir, 'secrets', name), 'utf8').trim();

	beforeAll(async () => {
		const synapse = await ensureSynapse(process.cwd());
		if (!synapse.ok) throw new Error(synapse.error);
		python = synapse.value.python;
		dir = mkdtempSync(join(tmpdir(), 'rogatory-production-'));
		options = { ...DEFAULT_PRODUCTION_OPTIONS, configDir: join(dir, 'etc'), dataDir: join(dir, 'var'), logDir: join(dir, 'log') };
		const generated = generateProductionFiles(
			{
				roster: demoRoster,
				authority: 'gt-mp',
				rosterPath: join(dir, 'roster.yaml'),
				sitePath: join(dir, 'site.yaml'),
				webUrl: 'https://rogatory.mp.gt.rogatory.example',
				rogatoryWritable: [join(dir, 'rogatory')],
			},
			options,
		);
		if (!generated.ok) throw new Error(generated.error);
		for (const file of generated.value) {
			mkdirSync(dirname(join(options.configDir, file.path)), { recursive: true });
			writeFileSync(join(options.configDir, file.path), file.content);
		}
		const secrets = ensureProductionSecrets(options.configDir);
		if (!secrets.ok) throw new Error(secrets.error);
		const run = loadWithSynapse(python, dir, [
			join(options.configDir, 'homeserver.yaml'),
			...productionWorkers(options).map((w) => join(options.configDir, 'workers', `${w.name}.yaml`)),
		]);
		if (run.loaded === undefined) throw new Error(`Synapse refused the production config:\n${run.stderr}`);
		loaded = run.loaded;
	});
	afterAll(() => {
		if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	});

	it('parses the main process with every privacy option', () => {
		expect(loaded.main).toMatchObject({
			server_name: 'matrix.mp.gt.rogatory.example',
			database_engine: 'psycopg2',
			require_auth_for_profile_requests: true,
			limit_profile_requests_to_users_who_share_rooms: true,
			include_profile_data_on_invite: false,
			presence_enabled: false,
			encrypted_presets: ['private_chat', 'public_chat', 'trusted_private_chat'],
			forget_on_leave: true,
			user_ips_max_age_ms: 14 * DAY_MS,
			redaction_retention_period_ms: 1 * DAY_MS,
			// The main process runs no media repository (the media worker does, with the limit: below).
			max_upload_size: null,
			federation_domain_whitelist: ['matrix.ca.ng.rogatory.example', 'matrix.fgr.sv.rogatory.example'],
			signing_keys: 1,
		});
	});

	it('reads every secret from its file: replication, Redis, macaroons, forms', () => {
		expect(loaded.main.worker_replication_secret).toBe(secret('worker_replication_secret'));
		expect(loaded.main.redis).toEqual({ enabled: true, host: '127.0.0.1', port: 6379, password: secret('redis_password') });
		expect(loaded.main.macaroon_secret_key).toBe(secret('macaroon_secret_key'));
		expect(loaded.main.form_secret).toBe(secret('form_secret'));
		// The main process and each of the five workers.
		expect(loaded.redis_dependency_checks_bypassed).toBe(6);
	});

	it('keeps every listener, replication included, on loopback', () => {
		for (const parsed of [loaded.main, ...Object.values(loaded.workers)]) {
			for (const listener of [...parsed.listeners, ...parsed.worker_listeners]) expect(listener.bind_addresses).toEqual(['127.0.0.1']);
		}
		expect(loaded.main.listeners.find((l) => l.resources.includes('replication'))?.port).toBe(options.replicationPort);
	});

	it('parses each worker with the same secrets and privacy options as the main process', () => {
		const workers = Object.values(loaded.workers);
		const specs = productionWorkers(options);
		expect(workers.map((w) => w.worker_name).sort()).toEqual(specs.map((w) => w.name).sort());
		for (const worker of workers) {
			expect(worker.worker_app).toBe(specs.find((w) => w.name === worker.worker_name)?.app);
			expect(worker.worker_replication_secret).toBe(secret('worker_replication_secret'));
			expect(worker.redis.password).toBe(secret('redis_password'));
			expect(worker.instance_map).toEqual({
				master: { host: '127.0.0.1', port: options.replicationPort },
				event_persister1: { host: '127.0.0.1', port: options.replicationPort + 1 },
			});
			expect(worker.federation_sender_instances).toEqual(['federation_sender1']);
			expect(worker).toMatchObject({
				limit_profile_requests_to_users_who_share_rooms: true,
				include_profile_data_on_invite: false,
				presence_enabled: false,
				forget_on_leave: true,
				max_upload_size: worker.worker_app === 'synapse.app.media_repository' ? MAX_ATTACHMENT_BYTES : null,
			});
		}
		expect(loaded.workers[join(options.configDir, 'workers', 'client_reader1.yaml')]?.worker_listeners).toEqual([
			{ type: 'http', port: options.mainPort + 1, bind_addresses: ['127.0.0.1'], resources: ['client'] },
			{ type: 'metrics', port: options.metricsPort + 1, bind_addresses: ['127.0.0.1'], resources: [] },
		]);
	});

	it('finds the signing key Synapse generated private to its owner', () => {
		expect(statSync(join(options.configDir, 'secrets', 'signing.key')).mode & 0o077).toBe(0);
	});

	it('would refuse a secret written into the config itself (the check above can fail)', () => {
		const inline = join(dir, 'inline.yaml');
		const text = readFileSync(join(options.configDir, 'homeserver.yaml'), 'utf8').replace(
			/^worker_replication_secret_path: .*$/m,
			'worker_replication_secret: written-inline',
		);
		expect(text).toContain('worker_replication_secret: written-inline');
		writeFileSync(inline, text);
		const run = loadWithSynapse(python, dir, [inline]);
		expect(run.status).not.toBe(0);
		expect(run.stderr).toMatch(/in-line secret/);
	});
});
