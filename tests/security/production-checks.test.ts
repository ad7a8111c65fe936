// Issue 15, acceptance 6 (the tools' half): the generated nginx site passes
// `nginx -t`, and the generated Synapse configs — the main process and each
// worker, read as the units start them (`-c homeserver.yaml -c
// workers/<name>.yaml`) — pass Synapse's own config check
// (`python -m synapse.config`), in the production venv with the postgres and
// redis extras (deploy/synapse/production-install.ts), so nothing of the
// check is bypassed. nginx is installed from Debian when missing (as root;
// deploy/process/debian-packages.ts). Each check is shown able to fail.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NGINX, ensureDebianPrograms } from '../../deploy/process/debian-packages.ts';
import { generateProductionFiles } from '../../deploy/production/generate.ts';
import { DEFAULT_PRODUCTION_OPTIONS, type ProductionOptions } from '../../deploy/production/options.ts';
import { productionWorkers } from '../../deploy/production/worker-set.ts';
import { ensureProductionSecrets } from '../../deploy/production/write-secrets.ts';
import { ensureProductionSynapse } from '../../deploy/synapse/production-install.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import { pythonEnv } from '../../deploy/production/local/python-env.ts';

const SERVER = 'matrix.mp.gt.rogatory.example';

describe('the generated installation, checked by the tools that will run it', () => {
	let dir: string;
	let o: ProductionOptions;
	let python: string;

	const synapseCheck = (configs: readonly string[]) =>
		spawnSync(python, ['-m', 'synapse.config', ...configs.flatMap((c) => ['-c', c])], { cwd: dir, encoding: 'utf8', env: pythonEnv() });
	const nginxCheck = (site: string) => {
		const conf = join(dir, 'nginx-test.conf');
		writeFileSync(
			conf,
			`pid ${join(dir, 'nginx.pid')};\nerror_log stderr;\nevents {}\nhttp {\n\taccess_log off;\n\tinclude /etc/nginx/mime.types;\n\tinclude ${site};\n}\n`,
		);
		return spawnSync(NGINX.path, ['-t', '-e', 'stderr', '-p', dir, '-c', conf], { encoding: 'utf8' });
	};

	beforeAll(async () => {
		const nginx = await ensureDebianPrograms([NGINX], (line) => console.log(line));
		if (!nginx.ok) throw new Error(nginx.error);
		const synapse = await ensureProductionSynapse(process.cwd(), (line) => console.log(line));
		if (!synapse.ok) throw new Error(synapse.error);
		python = synapse.value.python;
		dir = mkdtempSync(join(tmpdir(), 'rogatory-production-checks-'));
		const etc = join(dir, 'etc');
		o = {
			...DEFAULT_PRODUCTION_OPTIONS,
			configDir: etc,
			dataDir: join(dir, 'var'),
			logDir: join(dir, 'log'),
			rogatoryConfigDir: join(etc, 'rogatory'),
			redisRequirepassFile: join(etc, 'secrets', 'redis_requirepass.conf'),
			tlsCertificate: join(dir, 'tls', 'fullchain.pem'),
			tlsCertificateKey: join(dir, 'tls', 'privkey.pem'),
		};
		mkdirSync(join(dir, 'tls'));
		const cert = spawnSync(
			'openssl',
			[
				'req',
				'-x509',
				'-newkey',
				'rsa:2048',
				'-nodes',
				'-days',
				'2',
				'-subj',
				`/CN=${SERVER}`,
				'-keyout',
				o.tlsCertificateKey,
				'-out',
				o.tlsCertificate,
			],
			{ encoding: 'utf8' },
		);
		if (cert.status !== 0) throw new Error(`openssl: ${cert.stderr}`);
		const generated = generateProductionFiles(
			{
				roster: demoRoster,
				authority: 'gt-mp',
				rosterPath: join(dir, 'roster.yaml'),
				sitePath: join(dir, 'site.yaml'),
				webUrl: 'https://rogatory.mp.gt.rogatory.example',
				rogatoryWritable: [join(dir, 'rogatory')],
			},
			o,
		);
		if (!generated.ok) throw new Error(generated.error);
		for (const file of generated.value) {
			mkdirSync(dirname(join(etc, file.path)), { recursive: true });
			writeFileSync(join(etc, file.path), file.content);
		}
		const secrets = ensureProductionSecrets(etc);
		if (!secrets.ok) throw new Error(secrets.error);
		// What an operator runs once on a fresh host: Synapse writes its signing key, then exits.
		const keys = spawnSync(python, ['-m', 'synapse.app.homeserver', '-c', join(etc, 'homeserver.yaml'), '--generate-keys'], {
			cwd: dir,
			encoding: 'utf8',
			env: pythonEnv(),
		});
		if (keys.status !== 0) throw new Error(`synapse --generate-keys: ${keys.stderr}`);
	}, 600_000);
	afterAll(() => {
		if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
	});

	it('nginx -t accepts the site', () => {
		const check = nginxCheck(join(o.configDir, 'nginx', `${SERVER}.conf`));
		expect(check.stderr).toContain('syntax is ok');
		expect(check.stderr).toContain('test is successful');
		expect(check.status).toBe(0);
	});

	it('nginx -t refuses a broken copy (the check can fail)', () => {
		const broken = join(dir, 'broken.conf');
		writeFileSync(
			broken,
			readFileSync(join(o.configDir, 'nginx', `${SERVER}.conf`), 'utf8').replace('server_tokens off;', 'server_tokens maybe;'),
		);
		const check = nginxCheck(broken);
		expect(check.status).not.toBe(0);
		expect(check.stderr).toMatch(/invalid value "maybe" in .*broken\.conf/);
	});

	it('Synapse’s config check accepts the main process', () => {
		const check = synapseCheck([join(o.configDir, 'homeserver.yaml')]);
		expect(check.stderr).toBe('');
		expect(check.stdout).toContain('Config parses OK!');
		expect(check.status).toBe(0);
	});

	it.each(productionWorkers(DEFAULT_PRODUCTION_OPTIONS).map((w) => [w.name]))('Synapse’s config check accepts worker %s', (name) => {
		const check = synapseCheck([join(o.configDir, 'homeserver.yaml'), join(o.configDir, 'workers', `${name}.yaml`)]);
		expect(check.stderr).toBe('');
		expect(check.stdout).toContain('Config parses OK!');
		expect(check.status).toBe(0);
	});

	it('Synapse’s config check refuses a stream writer missing from instance_map (the check can fail)', () => {
		const broken = join(dir, 'broken-homeserver.yaml');
		writeFileSync(broken, readFileSync(join(o.configDir, 'homeserver.yaml'), 'utf8').replace(/^ {2}event_persister1:\n( {4}.*\n)+/m, ''));
		expect(readFileSync(broken, 'utf8')).not.toMatch(/^ {2}event_persister1:$/m);
		const check = synapseCheck([broken]);
		expect(check.status).not.toBe(0);
		expect(check.stderr).toContain('instance_map');
	});
});
