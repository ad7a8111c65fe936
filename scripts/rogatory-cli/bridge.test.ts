// `rogatory bridge verification-code`, called as a pure executor over an
// in-memory site and code file and a fixed clock: the code, or one line saying
// why there is none.
import { describe, expect, it } from 'vitest';
import { BRIDGE_USAGE, runBridgeCli, type BridgeCliContext } from './bridge.ts';
import { runRogatory } from './commands.ts';

const NOW = Date.parse('2026-12-03T21:00:00Z');
const CODE = 'TUFUUklYAgEAAA==';

function context(code: { text: string; writtenMs: number } | undefined): BridgeCliContext {
	return {
		secretsDir: (site) =>
			site === 'missing.yaml' ? { ok: false, error: 'missing.yaml: cannot be read' } : { ok: true, value: '/srv/secrets' },
		readCode: (dir) => ({ ok: true, value: code === undefined ? undefined : { path: `${dir}/verification-code`, ...code } }),
		now: () => NOW,
	};
}

describe('rogatory bridge verification-code', () => {
	it('prints the waiting code, one line, and exits 0', () => {
		const out = runBridgeCli(['verification-code', '--site', 'site.yaml'], context({ text: `${CODE}\n`, writtenMs: NOW - 60_000 }));
		expect(out).toEqual({ code: 0, stdout: `${CODE}\n`, stderr: '' });
	});

	it('says there is none when no verification waits', () => {
		const out = runBridgeCli(['verification-code'], context(undefined));
		expect([out.code, out.stdout]).toEqual([2, '']);
		expect(out.stderr).toMatch(/no verification of the bridge bot is waiting/);
	});

	it('says a code older than ten minutes expired, and does not print it', () => {
		const out = runBridgeCli(['verification-code'], context({ text: CODE, writtenMs: NOW - 10 * 60_000 - 1 }));
		expect(out.code).toBe(2);
		expect(out.stderr).toMatch(/expired/);
		expect(out.stderr).not.toContain(CODE);
	});

	it.each([[[]], [['nope']], [['verification-code', 'extra']]])('refuses %j with the usage', (argv) => {
		const out = runBridgeCli(argv, context(undefined));
		expect(out.code).toBe(2);
		expect(out.stderr).toContain(BRIDGE_USAGE.replace('usage: ', ''));
	});

	it('passes on a site that cannot be read', () => {
		expect(runBridgeCli(['verification-code', '--site', 'missing.yaml'], context(undefined)).stderr).toBe(
			'rogatory: missing.yaml: cannot be read\n',
		);
	});

	it('is reached through the rogatory command', () => {
		const ctx = context({ text: CODE, writtenMs: NOW });
		const outcome = runRogatory(['bridge', 'verification-code'], {
			rules: [],
			readText: () => ({ ok: false, error: '' }),
			directory: { readBytes: () => ({ ok: false, error: '' }), authorities: () => ({ ok: true, value: [] }) },
			bridge: ctx,
		});
		expect(outcome.stdout).toBe(`${CODE}\n`);
	});
});
