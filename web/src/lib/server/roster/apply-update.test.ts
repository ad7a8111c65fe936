import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VALID_ROSTER } from '#policies/roster/file/testing/valid-roster.ts';
import { rosterAnnouncementContent } from '#policies/roster-update/index.ts';
import { applyRosterUpdate, examineRosterUpdate } from './apply-update.ts';

const sha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
// VALID_ROSTER is version 3; version 4 admits cc-three into SOUTH.
const V4 = VALID_ROSTER.replace('version: 3\n', 'version: 4\n').replace(
	'      - network: NORTH\n        status: member\nlinks:',
	'      - network: NORTH\n        status: member\n      - network: SOUTH\n        status: member\nlinks:',
);
const content = (file: string, version = 4, hash = sha(file)): unknown => {
	const made = rosterAnnouncementContent({ version, sha256: hash, file });
	if (!made.ok) throw new Error(made.error);
	return made.value;
};
const site = (text = VALID_ROSTER): string => {
	const path = join(mkdtempSync(join(tmpdir(), 'rogatory-apply-')), 'roster.yaml');
	writeFileSync(path, text);
	return path;
};

describe('applyRosterUpdate', () => {
	it('replaces the roster file with the announced next version, keeping the one it replaced', () => {
		const rosterPath = site();
		const outcome = applyRosterUpdate({ rosterPath, network: 'SOUTH', content: content(V4), fromSecretariat: true });
		expect(outcome).toMatchObject({ kind: 'applied', version: 4, sha256: sha(V4), previous: 'roster.yaml.v3' });
		if (outcome.kind === 'applied') expect(outcome.change.networks).toEqual([{ network: 'SOUTH', added: ['cc-three'], removed: [] }]);
		expect(readFileSync(rosterPath, 'utf8')).toBe(V4);
		expect(readFileSync(`${rosterPath}.v3`, 'utf8')).toBe(VALID_ROSTER);
		expect(readdirSync(join(rosterPath, '..')).sort()).toEqual(['roster.yaml', 'roster.yaml.v3']);
	});

	it('examines without writing: what applying would change', () => {
		const rosterPath = site();
		const examined = examineRosterUpdate({ rosterPath, network: 'SOUTH', content: content(V4), fromSecretariat: true });
		expect(examined).toMatchObject({ kind: 'applicable', current: 3, sha256: sha(V4) });
		if (examined.kind === 'applicable') expect(examined.change.networks).toEqual([{ network: 'SOUTH', added: ['cc-three'], removed: [] }]);
		expect(readFileSync(rosterPath, 'utf8')).toBe(VALID_ROSTER);
		expect(readdirSync(join(rosterPath, '..'))).toEqual(['roster.yaml']);
	});

	it('takes a replay as already applied, changing nothing', () => {
		const rosterPath = site(V4);
		expect(applyRosterUpdate({ rosterPath, network: 'SOUTH', content: content(V4), fromSecretariat: true })).toEqual({
			kind: 'already',
			version: 4,
		});
		expect(readFileSync(rosterPath, 'utf8')).toBe(V4);
		expect(existsSync(`${rosterPath}.v4`)).toBe(false);
	});

	it.each([
		['not from the secretariat', { fromSecretariat: false }, /not sent by the SOUTH secretariat/, 'not-secretariat'],
		['a file other than the hashed one', { content: content(V4, 4, sha(VALID_ROSTER)) }, /SHA-256/, 'hash'],
		['a jump over a version', { content: content(V4.replace('version: 4\n', 'version: 5\n'), 5) }, /skips 4/, 'skips'],
		['an event that is no announcement', { content: { msgtype: 'm.text', body: 'hello' } }, /no roster announcement/, 'no-announcement'],
		['a file that is no roster', { content: content('version: 4\nnetworks: []\n') }, /not a valid roster/, 'not-a-roster'],
	])('refuses %s, and leaves the file as it was', (_what, over, reason, code) => {
		const rosterPath = site();
		const outcome = applyRosterUpdate({ rosterPath, network: 'SOUTH', content: content(V4), fromSecretariat: true, ...over });
		expect(outcome.kind).toBe('refused');
		if (outcome.kind === 'refused') {
			expect(outcome.reason).toMatch(reason);
			expect(outcome.code).toBe(code);
		}
		expect(readFileSync(rosterPath, 'utf8')).toBe(VALID_ROSTER);
		expect(readdirSync(join(rosterPath, '..'))).toEqual(['roster.yaml']);
	});

	it('refuses when the site’s own roster file is broken or missing, naming it', () => {
		const broken = site('version: [\n');
		const outcome = applyRosterUpdate({ rosterPath: broken, network: 'SOUTH', content: content(V4), fromSecretariat: true });
		expect(outcome).toMatchObject({ kind: 'refused', code: 'site-roster' });
		expect(outcome.kind === 'refused' && outcome.reason).toContain('roster file is not valid');
		const missing = applyRosterUpdate({ rosterPath: `${broken}.gone`, network: 'SOUTH', content: content(V4), fromSecretariat: true });
		expect(missing).toMatchObject({ kind: 'refused', code: 'site-roster' });
		expect(missing.kind === 'refused' && missing.reason).toContain('cannot be read');
	});
});
