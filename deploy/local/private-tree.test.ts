import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, mkdirSync, mkdtempSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tightenTree } from './private-tree.ts';

const mode = (path: string): number => statSync(path).mode & 0o777;

function file(path: string, fileMode: number): string {
	writeFileSync(path, 'x');
	chmodSync(path, fileMode);
	return path;
}

function folder(path: string, folderMode: number): string {
	mkdirSync(path, { recursive: true });
	chmodSync(path, folderMode);
	return path;
}

/** A data folder as an older version left it: readable by everyone. */
function looseTree(): { top: string; outside: string } {
	const base = mkdtempSync(join(tmpdir(), 'rogatory-tree-'));
	const top = folder(join(base, 'data'), 0o755);
	folder(join(top, 'gt-mp', 'media_store', 'local_content'), 0o755);
	chmodSync(join(top, 'gt-mp'), 0o755);
	chmodSync(join(top, 'gt-mp', 'media_store'), 0o755);
	file(join(top, 'gt-mp', 'homeserver.db'), 0o644);
	file(join(top, 'gt-mp', 'signing.key'), 0o640);
	file(join(top, 'gt-mp', 'media_store', 'local_content', 'ab'), 0o666);
	file(join(top, 'run.sh'), 0o755);
	file(join(top, 'private'), 0o600);
	const outside = folder(join(base, 'outside'), 0o755);
	file(join(outside, 'target'), 0o644);
	return { top, outside };
}

describe('tightenTree', () => {
	it('takes group and other bits off every file and folder, and lists what it changed', () => {
		const { top } = looseTree();
		const report = tightenTree(top);
		expect(mode(top)).toBe(0o700);
		expect(mode(join(top, 'gt-mp'))).toBe(0o700);
		expect(mode(join(top, 'gt-mp', 'media_store', 'local_content'))).toBe(0o700);
		expect(mode(join(top, 'gt-mp', 'homeserver.db'))).toBe(0o600);
		expect(mode(join(top, 'gt-mp', 'signing.key'))).toBe(0o600);
		expect(mode(join(top, 'gt-mp', 'media_store', 'local_content', 'ab'))).toBe(0o600);
		expect(mode(join(top, 'run.sh'))).toBe(0o700);
		expect(report.tightened).toContain('gt-mp/homeserver.db');
		expect(report.tightened).toContain('.');
		expect(report.tightened).not.toContain('private');
		expect(report.leftAlone).toEqual([]);
	});

	it('finds nothing to do the second time', () => {
		const { top } = looseTree();
		tightenTree(top);
		expect(tightenTree(top)).toEqual({ tightened: [], leftAlone: [] });
	});

	it('touches only the top when not recursive', () => {
		const { top } = looseTree();
		tightenTree(top, { recursive: false });
		expect(mode(top)).toBe(0o700);
		expect(mode(join(top, 'gt-mp', 'homeserver.db'))).toBe(0o644);
	});

	it('never follows a symlink, to a file or a folder, and says it left it alone', () => {
		const { top, outside } = looseTree();
		symlinkSync(join(outside, 'target'), join(top, 'gt-mp', 'link-to-file'));
		symlinkSync(outside, join(top, 'link-to-folder'));
		const report = tightenTree(top);
		expect(mode(join(outside, 'target'))).toBe(0o644);
		expect(mode(outside)).toBe(0o755);
		expect(report.leftAlone).toEqual(
			expect.arrayContaining([
				{ path: 'gt-mp/link-to-file', reason: 'a symlink, not followed' },
				{ path: 'link-to-folder', reason: 'a symlink, not followed' },
			]),
		);
	});

	it('does not follow a top that is a symlink either', () => {
		const { outside } = looseTree();
		const link = join(mkdtempSync(join(tmpdir(), 'rogatory-tree-')), 'data');
		symlinkSync(outside, link);
		expect(tightenTree(link).leftAlone).toEqual([{ path: '.', reason: 'a symlink, not followed' }]);
		expect(mode(outside)).toBe(0o755);
	});

	it('leaves a hard-linked file alone: its other name could be anything', () => {
		const { top, outside } = looseTree();
		linkSync(join(outside, 'target'), join(top, 'hardlink'));
		const report = tightenTree(top);
		expect(mode(join(outside, 'target'))).toBe(0o644);
		expect(report.leftAlone).toContainEqual({ path: 'hardlink', reason: 'a file with 2 hard links' });
	});

	it('leaves entries of another owner alone, and does not descend into their folders', () => {
		const { top } = looseTree();
		const other = (process.getuid?.() ?? 0) + 1;
		const report = tightenTree(top, { uid: other });
		expect(mode(top)).toBe(0o755);
		expect(mode(join(top, 'gt-mp', 'homeserver.db'))).toBe(0o644);
		expect(report.tightened).toEqual([]);
		expect(report.leftAlone).toEqual([{ path: '.', reason: `owned by another user (uid ${process.getuid?.() ?? 0})` }]);
	});

	it('tightens a named pipe without blocking on it', () => {
		const { top } = looseTree();
		const fifo = join(top, 'pipe');
		execFileSync('mkfifo', ['-m', '0644', fifo]);
		tightenTree(top);
		expect(mode(fifo)).toBe(0o600);
	});

	it('reports nothing for a folder that does not exist', () => {
		expect(tightenTree(join(tmpdir(), 'rogatory-no-such-folder-x9'))).toEqual({ tightened: [], leftAlone: [] });
	});
});
