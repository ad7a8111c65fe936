import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '#policies/roster/file/parse-roster.ts';
import { VALID_ROSTER } from '#policies/roster/file/testing/valid-roster.ts';
import { ROSTER_FILE_MAX } from '#policies/roster-update/index.ts';
import { checkRosterFile } from './publish-check.ts';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const parsed = parseRoster(VALID_ROSTER, 'roster');
if (!parsed.ok) throw new Error('the test roster does not parse');
const current = parsed.value;
const withVersion = (v: number, text = VALID_ROSTER) => text.replace(/^version: 3$/m, `version: ${v}`);

describe('checkRosterFile', () => {
	it('says what version N+1 changes', () => {
		const next = withVersion(4).replace('server_name: matrix.one.aa.example', 'server_name: matrix.uno.aa.example');
		const { check } = checkRosterFile(current, 'NORTH', next, sha256);
		expect(check).toEqual({
			kind: 'next',
			version: 4,
			change: { from: 3, to: 4, networks: [], homeservers: ['aa-one'], links: { added: [], removed: [] } },
		});
	});

	it('refuses anything but exactly N+1', () => {
		for (const v of [1, 3, 5])
			expect(checkRosterFile(current, 'NORTH', withVersion(v), sha256).check).toEqual({ kind: 'not-next', running: 3, uploaded: v });
	});

	it('refuses a file that is not a roster, with the line of its first problem', () => {
		const { check } = checkRosterFile(current, 'NORTH', withVersion(4).replace('country: AA', 'country: aa'), sha256);
		expect(check.kind).toBe('unreadable');
		if (check.kind === 'unreadable') {
			expect(check.problems).toBeGreaterThanOrEqual(1);
			expect(check.line).toBe(14);
		}
		expect(checkRosterFile(current, 'NORTH', 'not: [a roster', sha256).check.kind).toBe('unreadable');
	});

	it('refuses a roster that drops the network, and a file over the cap', () => {
		expect(checkRosterFile(current, 'WEST', withVersion(4), sha256).check).toEqual({ kind: 'network-dropped' });
		expect(checkRosterFile(current, 'NORTH', 'x'.repeat(ROSTER_FILE_MAX + 1), sha256).check).toEqual({
			kind: 'too-large',
			max: ROSTER_FILE_MAX,
		});
	});
});
