import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tryAcquireLock } from './lock.ts';

const fresh = () => join(mkdtempSync(join(tmpdir(), 'rogatory-lock-')), 'x.lock');

describe('tryAcquireLock', () => {
	it('takes a free lock and releases it', () => {
		const path = fresh();
		const lock = tryAcquireLock(path);
		expect('release' in lock).toBe(true);
		expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
		if ('release' in lock) lock.release();
		expect(() => readFileSync(path)).toThrow();
	});

	it('reports a live holder', () => {
		const path = fresh();
		writeFileSync(path, String(process.ppid));
		expect(tryAcquireLock(path)).toEqual({ heldBy: process.ppid });
	});

	it('takes over a lock whose holder is dead', () => {
		const path = fresh();
		writeFileSync(path, '2147483646');
		expect('release' in tryAcquireLock(path)).toBe(true);
		expect(readFileSync(path, 'utf8')).toBe(String(process.pid));
	});
});
