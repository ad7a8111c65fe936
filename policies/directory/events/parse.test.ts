import { describe, expect, it } from 'vitest';
import { ANA, authorityPayload, GT_ENTRY, GT_MP, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload } from '../types.ts';
import { buildDirectoryContent } from './build.ts';
import { DIRECTORY_KEY } from './namespace.ts';
import { parseDirectoryContent } from './parse.ts';

const AT = '2026-12-01T10:00:00Z';

/** Content for `payload` with `patch` applied to the payload object under the key. */
function content(payload: DirectoryPayload, patch: (p: Record<string, unknown>) => void = () => {}): Record<string, unknown> {
	const built = structuredClone(buildDirectoryContent(payload));
	patch(built[DIRECTORY_KEY] as Record<string, unknown>);
	return built;
}
const entryOf = (p: Record<string, unknown>) => p['entry'] as Record<string, unknown>;

function refusal(raw: unknown): string {
	const parsed = parseDirectoryContent(raw);
	expect(parsed.ok).toBe(false);
	return parsed.ok ? '' : parsed.error;
}

describe('buildDirectoryContent', () => {
	it('writes an m.notice with a readable body and the versioned payload', () => {
		const built = buildDirectoryContent(personPayload(ANA, AT));
		expect(built).toMatchObject({ msgtype: 'm.notice', body: 'Directory: Ana López (gt-mp) updated' });
		expect(built[DIRECTORY_KEY]).toMatchObject({ version: 1, type: 'person', entry: { name: 'Ana López' } });
	});

	it.each<DirectoryPayload>([
		authorityPayload(GT_ENTRY, AT),
		personPayload(LUCIA, AT),
		personPayload(ANA, AT),
		{ type: 'removed', authority: GT_MP, person: ANA.id, why: 'departed', updated: stamp(AT) },
		{ type: 'editors', authority: GT_MP, editors: [LUCIA.id], updated: stamp(AT) },
	])('round-trips a %s payload through the parser', (payload) => {
		expect(parseDirectoryContent(JSON.parse(JSON.stringify(buildDirectoryContent(payload))))).toEqual({ ok: true, value: payload });
	});
});

describe('parseDirectoryContent refuses', () => {
	it('content that is not a directory event', () => {
		expect(refusal({ msgtype: 'm.text', body: 'hello' })).toMatch(/no "org.rogatory.directory" key/);
		expect(refusal(null)).toMatch(/not a directory event/);
	});
	it('another version, type or msgtype', () => {
		expect(refusal(content(personPayload(ANA, AT), (p) => (p['version'] = 2)))).toMatch(/version 2 is not supported/);
		expect(refusal(content(personPayload(ANA, AT), (p) => (p['type'] = 'phonebook')))).toMatch(/type: "phonebook" is not one of/);
		expect(refusal({ ...content(personPayload(ANA, AT)), msgtype: 'm.text' })).toMatch(/msgtype/);
		expect(refusal({ ...content(personPayload(ANA, AT)), 'm.relates_to': {} })).toMatch(/m.relates_to/);
	});
	it.each<[string, (e: Record<string, unknown>) => void, RegExp]>([
		['a role outside the vocabulary', (e) => (e['roles'] = ['judge']), /roles\[0\]: "judge" is not one of/],
		['a language that is no tag', (e) => (e['languages'] = ['Spanish']), /languages\[0\]: "Spanish" is not a language tag/],
		[
			'an unknown time zone',
			(e) => (e['hours'] = { ...LUCIA.hours, timeZone: 'Mars/Olympus' }),
			/hours.timeZone: "Mars\/Olympus" is not an IANA/,
		],
		['a clock time past 24:00', (e) => (e['hours'] = { ...LUCIA.hours, to: '25:00' }), /hours.to: must be a time written HH:MM/],
		[
			'working hours ending before they start',
			(e) => (e['hours'] = { ...LUCIA.hours, from: '18:00', to: '09:00' }),
			/hours.to: must be after/,
		],
		['a day 8', (e) => (e['hours'] = { ...LUCIA.hours, days: [1, 8] }), /hours.days\[1\]: must be a day/],
		[
			'a rota period that ends before it starts',
			(e) => (e['rota'] = [{ from: '2026-12-05T00:00:00Z', to: '2026-12-04T00:00:00Z' }]),
			/rota\[0\].to: must be after/,
		],
		[
			'a rota instant without an offset',
			(e) => (e['rota'] = [{ from: '2026-12-05T00:00:00', to: '2026-12-06T00:00:00Z' }]),
			/rota\[0\].from: must be an instant/,
		],
		['February 30th', (e) => (e['rota'] = [{ from: '2026-02-30T00:00:00Z', to: '2026-03-06T00:00:00Z' }]), /is not a real instant/],
		['an e-mail address without a domain', (e) => (e['email'] = 'lramirez@localhost'), /email: "lramirez@localhost" is not an e-mail/],
		['a national phone number', (e) => (e['phone'] = '2411 9191'), /phone: .* international form/],
		['a Matrix ID without a server', (e) => (e['matrixId'] = '@lucia'), /matrixId: .* not a Matrix user ID/],
		['a name too long', (e) => (e['name'] = 'x'.repeat(201)), /name: must be at most 200 characters/],
		['a blank name', (e) => (e['name'] = '  '), /name: must not be blank/],
	])('a person with %s', (_, patch, reason) => {
		expect(refusal(content(personPayload(LUCIA, AT), (p) => patch(entryOf(p))))).toMatch(reason);
	});
	it.each<[string, (e: Record<string, unknown>) => void, RegExp]>([
		['a measure outside the vocabulary', (e) => (e['measures'] = ['torture']), /measures\[0\]: "torture" is not one of/],
		['the same measure twice', (e) => (e['measures'] = ['preservation', 'preservation']), /measures: names the same value twice/],
		['a kind outside the vocabulary', (e) => (e['kind'] = 'embassy'), /kind: "embassy" is not one of/],
		['a lower-case country', (e) => (e['country'] = 'gt'), /country: must be an ISO 3166-1/],
		['no names', (e) => (e['names'] = {}), /names: must hold at least one language/],
		[
			'an http document link',
			(e) => (e['documents'] = [{ title: 'Law', kind: 'law', url: 'http://mp.gob.gt/law.pdf' }]),
			/documents\[0\].url: must be an https link/,
		],
		[
			'a document with neither link nor file',
			(e) => (e['documents'] = [{ title: 'Law', kind: 'law' }]),
			/documents\[0\]: must have either/,
		],
		['a channel of an unknown kind', (e) => (e['channels'] = [{ kind: 'telex', value: '1' }]), /channels\[0\].kind/],
		[
			'a portal that is not https',
			(e) => (e['channels'] = [{ kind: 'portal', value: 'ftp://mp.gob.gt' }]),
			/channels\[0\].value: must be an https link/,
		],
		['an offence code in capitals', (e) => (e['offences'] = ['Cybercrime']), /offences\[0\]/],
	])('an authority with %s', (_, patch, reason) => {
		expect(refusal(content(authorityPayload(GT_ENTRY, AT), (p) => patch(entryOf(p))))).toMatch(reason);
	});
	it('a stamp without a real instant or author', () => {
		expect(refusal(content(personPayload(ANA, AT), (p) => (p['updated'] = { at: 'yesterday', by: ANA.id })))).toMatch(/updated.at/);
		expect(refusal(content(personPayload(ANA, AT), (p) => (p['updated'] = { at: AT, by: 'ana' })))).toMatch(/updated.by/);
	});
	it('editors named twice or not Matrix IDs', () => {
		const editors: DirectoryPayload = { type: 'editors', authority: GT_MP, editors: [LUCIA.id], updated: stamp(AT) };
		expect(refusal(content(editors, (p) => (p['editors'] = [LUCIA.id, LUCIA.id])))).toMatch(/same person twice/);
		expect(refusal(content(editors, (p) => (p['editors'] = ['lucia'])))).toMatch(/editors\[0\]/);
	});
});

describe('parseDirectoryContent keeps', () => {
	it('drops keys the vocabulary does not define', () => {
		const parsed = parseDirectoryContent(content(personPayload(ANA, AT), (p) => (entryOf(p)['salary'] = 1)));
		expect(parsed.ok && parsed.value.type === 'person' && 'salary' in parsed.value.entry).toBe(false);
	});
	it('accepts 24:00 as the end of a working day and an attached document', () => {
		const lucia = { ...LUCIA, hours: { timeZone: 'Asia/Almaty', days: [6], from: '20:00', to: '24:00' } };
		expect(parseDirectoryContent(content(personPayload(lucia, AT))).ok).toBe(true);
		const attached = {
			...GT_ENTRY,
			documents: [{ title: 'Template', kind: 'template' as const, file: { url: 'mxc://mp.gt/abc', v: 'v2' } }],
		};
		expect(parseDirectoryContent(content(authorityPayload(attached, AT))).ok).toBe(true);
	});
});
