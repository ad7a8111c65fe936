// The files an editor would import: the sample (every card taken, and written
// back byte for byte, since it is in the serializer's canonical form) and the
// malformed files (each refused with its line and reason, nothing taken even
// where good cards stand beside the bad one). Authorities are the demo roster's.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRoster } from '../../roster/file/index.ts';
import type { AuthorityId } from '../../roster/types.ts';
import { parseVcards } from './parse.ts';
import { reasonText } from './reasons.ts';
import { serializeVcards } from './serialize.ts';
import { SAMPLE_ENTRIES } from './testing.ts';
import type { VcardContext } from './types.ts';

const ROOT = join(import.meta.dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/directory');
const roster = parseRoster(readFileSync(join(ROOT, 'deploy/roster/default.yaml'), 'utf8'), 'default.yaml');
if (!roster.ok) throw new Error('the demo roster does not parse');
const context: VcardContext = { authorities: roster.value.authorities.map((a) => a.id as AuthorityId) };

describe('sample.vcf', () => {
	const bytes = readFileSync(join(FIXTURES, 'sample.vcf'));
	const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);

	it('gives the sample entries, five cards and more, of three authorities of the demo roster', () => {
		const parsed = parseVcards(text, context);
		expect(parsed.ok && parsed.value.map((c) => c.entry)).toEqual(SAMPLE_ENTRIES);
		expect(SAMPLE_ENTRIES.length).toBeGreaterThanOrEqual(5);
		expect(new Set(SAMPLE_ENTRIES.map((e) => e.authority))).toEqual(new Set(['gt-mp', 'ng-ca', 'kz-gpo']));
	});

	it('is written back byte for byte', () => {
		const parsed = parseVcards(text, context);
		if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
		expect(Buffer.from(serializeVcards(parsed.value.map((c) => c.entry)), 'utf8').equals(bytes)).toBe(true);
	});

	it('folds long Cyrillic lines and ends every line with CRLF', () => {
		expect(text.split('\r\n').some((line) => line.startsWith(' ') && /[А-я]/.test(line))).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
	});
});

/** Each malformed file: its refusals, exactly (card, line, reason). */
const MALFORMED: Record<string, readonly { card: number; line: number; reason: RegExp }[]> = {
	'missing-end.vcf': [{ card: 2, line: 11, reason: /^the card that begins here has no END:VCARD/ }],
	'no-colon.vcf': [
		{ card: 1, line: 1, reason: /^FN \(the name\) is missing$/ },
		{ card: 1, line: 4, reason: /^"FN Ana López" has no ":" between the property name and its value$/ },
	],
	'bad-impp.vcf': [
		{ card: 1, line: 6, reason: /^IMPP "matrix:r\/refco-directory:matrix\.mp\.gt\.rogatory\.example" .*does not name a user/ },
	],
	'unknown-role.vcf': [{ card: 3, line: 31, reason: /^ROLE "judge" is not one of prosecutor, central-authority-officer, focal-point, / }],
	'invalid-tz.vcf': [{ card: 1, line: 7, reason: /^TZ "Asia\/Astana_Central" is not an IANA time zone/ }],
	'invalid-lang.vcf': [{ card: 1, line: 7, reason: /^LANG "en_GB" is not a BCP 47 language tag/ }],
	'email-without-at.vcf': [{ card: 2, line: 17, reason: /^EMAIL "amina\.bello\.ca\.ng\.rogatory\.example" is not an e-mail address/ }],
	'nested-begin.vcf': [{ card: 1, line: 6, reason: /^BEGIN:VCARD inside the card that began on line 1: .*END:VCARD missing/ }],
	'text-after-end.vcf': [{ card: 1, line: 11, reason: /^text after END:VCARD: "-- "$/ }],
	'version-3.vcf': [{ card: 1, line: 2, reason: /^VERSION:3\.0 is not vCard 4\.0: export the cards as vCard 4\.0/ }],
};

describe('malformed/', () => {
	it('holds ten files, each listed here', () => {
		expect(readdirSync(join(FIXTURES, 'malformed')).sort()).toEqual(Object.keys(MALFORMED).sort());
	});

	it.each(Object.entries(MALFORMED))('%s is refused with its line and reason, and nothing is taken', (file, expected) => {
		const parsed = parseVcards(readFileSync(join(FIXTURES, 'malformed', file), 'utf8'), context);
		expect(parsed.ok).toBe(false);
		const refusals = parsed.ok ? [] : parsed.error;
		expect(refusals.map((r) => ({ card: r.card, line: r.line }))).toEqual(expected.map((e) => ({ card: e.card, line: e.line })));
		refusals.forEach((r, i) => expect(reasonText(r.reason)).toMatch(expected[i]?.reason ?? /^$/));
	});

	it('a file with one bad card among good ones is refused whole (the good ones alone are taken)', () => {
		const text = readFileSync(join(FIXTURES, 'malformed', 'unknown-role.vcf'), 'utf8');
		expect(parseVcards(text, context).ok).toBe(false);
		const good = text.slice(0, text.lastIndexOf('BEGIN:VCARD'));
		const parsed = parseVcards(good, context);
		expect(parsed.ok && parsed.value.map((c) => [c.entry.authority, c.entry.id])).toEqual([
			['gt-mp', '@ana.lopez:matrix.mp.gt.rogatory.example'],
			['ng-ca', 'urn:uuid:4fbe8971-0bc3-424c-9c26-36c3e1eff6b1'],
		]);
	});
});
