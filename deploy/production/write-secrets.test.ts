import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_SECRETS } from './secret-files.ts';
import { ensureProductionSecrets } from './write-secrets.ts';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'rogatory-prod-'));
const mode = (path: string): number => statSync(path).mode & 0o777;

describe('ensureProductionSecrets', () => {
	it('creates every secret the configs name, random, 0600 in a 0700 folder', () => {
		const dir = fresh();
		const made = ensureProductionSecrets(dir);
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		expect(made.value.created).toHaveLength(GENERATED_SECRETS.length + 1);
		const redis = readFileSync(join(dir, 'secrets', 'redis_password'), 'utf8').trim();
		expect(readFileSync(join(dir, 'secrets', 'redis_requirepass.conf'), 'utf8')).toBe(`requirepass ${redis}\n`);
		expect(mode(join(dir, 'secrets', 'redis_requirepass.conf'))).toBe(0o600);
		expect(mode(join(dir, 'secrets'))).toBe(0o700);
		const values = GENERATED_SECRETS.map((name) => {
			const path = join(dir, 'secrets', name);
			expect(mode(path), name).toBe(0o600);
			return readFileSync(path, 'utf8').trim();
		});
		for (const value of values) expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(new Set(values).size).toBe(values.length);
	});

	it('keeps the secrets that exist: a second run changes nothing', () => {
		const dir = fresh();
		ensureProductionSecrets(dir);
		const before = readFileSync(join(dir, 'secrets', 'worker_replication_secret'), 'utf8');
		const again = ensureProductionSecrets(dir);
		expect(again.ok && again.value.created).toEqual([]);
		expect(readFileSync(join(dir, 'secrets', 'worker_replication_secret'), 'utf8')).toBe(before);
	});

	it('refuses a secret that others can read, naming it and the fix', () => {
		const dir = fresh();
		mkdirSync(join(dir, 'secrets'), { mode: 0o700 });
		writeFileSync(join(dir, 'secrets', 'form_secret'), 'old\n');
		chmodSync(join(dir, 'secrets', 'form_secret'), 0o644);
		const outcome = ensureProductionSecrets(dir);
		expect(outcome).toEqual({
			ok: false,
			error: `${join(dir, 'secrets', 'form_secret')} can be read by others (mode 0644): chmod 600 it, then run again.`,
		});
	});

	it('refuses a secrets folder that others can list', () => {
		const dir = fresh();
		mkdirSync(join(dir, 'secrets'));
		chmodSync(join(dir, 'secrets'), 0o755);
		const outcome = ensureProductionSecrets(dir);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toContain('chmod 700');
	});

	it('writes nothing through a symlink planted where a secret belongs', () => {
		const dir = fresh();
		const elsewhere = join(fresh(), 'stolen');
		mkdirSync(join(dir, 'secrets'), { mode: 0o700 });
		symlinkSync(elsewhere, join(dir, 'secrets', 'macaroon_secret_key'));
		const outcome = ensureProductionSecrets(dir);
		expect(outcome.ok).toBe(false);
		if (!outcome.ok) expect(outcome.error).toContain('macaroon_secret_key is not a plain file');
		expect(() => statSync(elsewhere)).toThrow();
	});
});
