import { describe, expect, it } from 'vitest';
import { compareWithManifest, manifestOf, manifestText, mismatchText, parseManifest } from './manifest.ts';

const sum = (c: string): string => c.repeat(64);
const entries = [
	{ path: 'synapse.pgdump', bytes: 10, sha256: sum('a') },
	{ path: 'bridge-secrets/session.json', bytes: 3, sha256: sum('b') },
];

describe('a backup manifest', () => {
	it('reads back what it wrote, entries in a stable order', () => {
		const m = manifestOf('ng.test', new Date('2026-12-05T03:00:00Z'), entries);
		const read = parseManifest(manifestText(m));
		expect(read).toEqual({ ok: true, value: m });
		expect(m.entries.map((e) => e.path)).toEqual(['bridge-secrets/session.json', 'synapse.pgdump']);
	});

	it.each([
		['not JSON', '{', 'not JSON'],
		['another format', '{"format":"tar","version":1}', 'not a version 1'],
		['a path outside the backup', '../x', 'leads outside'],
		['an absolute path', '/etc/shadow', 'leads outside'],
		['a dot part', 'a/./b', 'leads outside'],
	])('refuses %s', (_, pathOrText, why) => {
		const text = pathOrText.startsWith('{')
			? pathOrText
			: JSON.stringify({
					format: 'rogatory-backup',
					version: 1,
					takenAt: '2026-12-05T03:00:00Z',
					serverName: 'ng.test',
					entries: [{ path: pathOrText, bytes: 1, sha256: sum('c') }],
				});
		const read = parseManifest(text);
		expect(read.ok).toBe(false);
		if (!read.ok) expect(read.error).toContain(why);
	});

	it('refuses a path listed twice, a bad sum and a negative size', () => {
		const base = { format: 'rogatory-backup', version: 1, takenAt: '2026-12-05T03:00:00Z', serverName: 'ng.test' };
		const twice = parseManifest(JSON.stringify({ ...base, entries: [entries[0], entries[0]] }));
		expect(twice.ok || twice.error).toContain('listed twice');
		const badSum = parseManifest(JSON.stringify({ ...base, entries: [{ path: 'x', bytes: 1, sha256: 'ABC' }] }));
		expect(badSum.ok || badSum.error).toContain('SHA-256');
		const negative = parseManifest(JSON.stringify({ ...base, entries: [{ path: 'x', bytes: -1, sha256: sum('d') }] }));
		expect(negative.ok || negative.error).toContain('size');
	});

	it('names what is missing, altered or added, and nothing when the files agree', () => {
		const m = manifestOf('ng.test', new Date(), entries);
		expect(mismatchText(compareWithManifest(m, [...entries, { path: 'manifest.json', bytes: 1, sha256: sum('e') }]))).toBeUndefined();
		const text = mismatchText(
			compareWithManifest(m, [
				{ path: 'synapse.pgdump', bytes: 10, sha256: sum('f') },
				{ path: 'planted', bytes: 1, sha256: sum('0') },
			]),
		);
		expect(text?.split('\n')).toEqual(['missing: bridge-secrets/session.json', 'altered: synapse.pgdump', 'not in the manifest: planted']);
	});
});
