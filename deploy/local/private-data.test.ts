import { chmodSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tightenProfileData } from './private-data.ts';

const mode = (path: string): number => statSync(path).mode & 0o777;

function oldRoot(): string {
	const root = mkdtempSync(join(tmpdir(), 'rogatory-data-'));
	for (const dir of ['.data', '.data/test', '.data/test/gt-mp', '.data/test/bridges/gt-mp/secrets', '.data/start', '.data/start/gt-mp']) {
		mkdirSync(join(root, dir), { recursive: true });
		chmodSync(join(root, dir), 0o755);
	}
	for (const path of ['.data/test/gt-mp/homeserver.db', '.data/test/bridges/gt-mp/register.sqlite', '.data/start/gt-mp/homeserver.db']) {
		writeFileSync(join(root, path), 'x');
		chmodSync(join(root, path), 0o644);
	}
	return root;
}

describe('tightenProfileData', () => {
	it('makes .data and the started profile private, says so once, and leaves other profiles to their own start', () => {
		const root = oldRoot();
		const lines = tightenProfileData(root, 'test');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(/^made 6 files and folders under \.data\/test private to their owner \(files 0600, folders 0700\)/);
		expect(lines[0]).toContain('.data/test/gt-mp/homeserver.db');
		expect(mode(join(root, '.data'))).toBe(0o700);
		expect(mode(join(root, '.data/test/bridges/gt-mp/register.sqlite'))).toBe(0o600);
		expect(mode(join(root, '.data/start/gt-mp/homeserver.db'))).toBe(0o644);
		expect(tightenProfileData(root, 'test')).toEqual([]);
	});

	it('names what it left alone, every time', () => {
		const root = oldRoot();
		symlinkSync('/etc', join(root, '.data/test/elsewhere'));
		tightenProfileData(root, 'test');
		expect(tightenProfileData(root, 'test')).toEqual([
			'left alone in the data folders — check that no one else can read them: .data/test/elsewhere (a symlink, not followed)',
		]);
	});

	it('has nothing to say before the first start', () => {
		expect(tightenProfileData(mkdtempSync(join(tmpdir(), 'rogatory-data-')), 'start')).toEqual([]);
	});
});
