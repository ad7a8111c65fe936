import { describe, expect, it } from 'vitest';
import { rosterFromDocuments } from './convert.ts';
import { describeError } from './errors.ts';
import { parseRoster } from './parse-roster.ts';
import { editLine, VALID_ROSTER } from './testing/valid-roster.ts';

const FILE = 'roster.yaml';

function errorsOf(text: string) {
	const parsed = parseRoster(text, FILE);
	if (parsed.ok) throw new Error('expected the roster to be refused');
	return parsed.error;
}

describe('parseRoster', () => {
	it('reads a valid roster', () => {
		const parsed = parseRoster(VALID_ROSTER, FILE);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.version).toBe(3);
		expect(parsed.value.authorities.map((a) => a.id)).toEqual(['aa-one', 'bb-two', 'cc-three']);
		expect(parsed.value.authorities[0]?.homeserver).toEqual({
			serverName: 'matrix.one.aa.example',
			clientUrl: 'https://matrix.one.aa.example',
		});
		expect(parsed.value.authorities[2]?.homeserver).toBeUndefined();
		expect(parsed.value.authorities[0]?.memberships[0]).toEqual({ network: 'NORTH', status: 'member', since: '2020-01-31' });
		expect(parsed.value.links[0]?.between).toEqual(['aa-one', 'bb-two']);
		expect(parsed.value.secretariats[0]?.hostedBy).toBeUndefined();
	});

	it('reads the member authority that hosts a secretariat', () => {
		const parsed = parseRoster(editLine(VALID_ROSTER, 48, '    name: North Secretariat\n    hosted_by: aa-one'), FILE);
		expect(parsed.ok && parsed.value.secretariats[0]?.hostedBy).toBe('aa-one');
	});

	it('reads a network’s applicants, and gives them to the Roster', () => {
		const hosted = editLine(VALID_ROSTER, 48, '    name: North Secretariat\n    hosted_by: aa-one');
		const parsed = parseRoster(editLine(hosted, 6, '    languages: [en]\n    applicants: [bb-two]'), FILE);
		expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error)).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.networks[0]?.applicants).toEqual(['bb-two']);
		const roster = rosterFromDocuments(parsed.value, []);
		expect(roster.networks.map((n) => n.applicants)).toEqual([['bb-two'], undefined]);
	});

	it('reads an applicant that belongs to no network yet, and refuses an authority in no network that applies to none', () => {
		const hosted = editLine(VALID_ROSTER, 48, '    name: North Secretariat\n    hosted_by: aa-one');
		const outside = hosted.replace('    memberships:\n      - network: SOUTH\n        status: observer\n', '    memberships: []\n');
		expect(outside).not.toBe(hosted);
		const parsed = parseRoster(editLine(outside, 6, '    languages: [en]\n    applicants: [bb-two]'), FILE);
		expect(parsed.ok, parsed.ok ? '' : JSON.stringify(parsed.error)).toBe(true);
		if (parsed.ok) expect(parsed.value.authorities[1]?.memberships).toEqual([]);
		const errors = errorsOf(outside);
		expect(errors.map((e) => e.path)).toContain('authorities[1].memberships');
		expect(errors.find((e) => e.path === 'authorities[1].memberships')?.message).toMatch(/at least one network, or is an applicant/);
	});

	// [what, line edited, its new text, key path, line reported]
	const refusals: [string, number, string, string, number][] = [
		['an unknown key', 13, '    name: Authority One\n    nickname: One', 'authorities[0].nickname', 14],
		['a wrong type', 1, 'version: three', 'version', 1],
		['a list where a mapping belongs', 19, '    languages: { en: yes }', 'authorities[0].languages', 19],
		['a mapping where a text belongs', 13, '    name: { en: One }', 'authorities[0].name', 13],
		['a version of 0', 1, 'version: 0', 'version', 1],
		['a fractional version', 1, 'version: 1.5', 'version', 1],
		['a missing required key', 14, '', 'authorities[0].country', 12],
		['a missing client URL', 17, '', 'authorities[0].homeserver.client_url', 16],
		['a membership in an undeclared network', 41, '      - network: EAST', 'authorities[2].memberships[0].network', 41],
		['a link to a missing authority', 44, '  - between: [aa-one, zz-nine]', 'links[0].between[1]', 44],
		['a link within one network', 44, '  - between: [aa-one, cc-three]', 'links[0].between', 44],
		['a link of three', 44, '  - between: [aa-one, bb-two, cc-three]', 'links[0].between', 44],
		['a link of an authority to itself', 44, '  - between: [aa-one, aa-one]', 'links[0].between', 44],
		['a duplicate authority id', 35, '  - id: aa-one', 'authorities[2].id', 35],
		['a duplicate network id', 7, '  - id: NORTH', 'networks[1].id', 7],
		['a duplicate server name', 28, '      server_name: matrix.one.aa.example', 'authorities[1].homeserver.server_name', 28],
		['a duplicate server name in other case', 28, '      server_name: Matrix.One.AA.example', 'authorities[1].homeserver.server_name', 28],
		['a bad server name', 16, '      server_name: matrix one', 'authorities[0].homeserver.server_name', 16],
		['a bad time zone', 18, '    time_zone: Europe/Atlantis', 'authorities[0].time_zone', 18],
		['a language outside the five', 19, '    languages: [de]', 'authorities[0].languages[0]', 19],
		['no language', 19, '    languages: []', 'authorities[0].languages', 19],
		['an impossible date', 23, "        since: '2020-02-30'", 'authorities[0].memberships[0].since', 23],
		['a date in another form', 23, "        since: '31/01/2020'", 'authorities[0].memberships[0].since', 23],
		['a client URL that is not http(s)', 17, '      client_url: ftp://matrix.one.aa.example', 'authorities[0].homeserver.client_url', 17],
		['a client URL that is not a URL', 17, '      client_url: matrix.one.aa.example', 'authorities[0].homeserver.client_url', 17],
		['a lower-case country', 14, '    country: aa', 'authorities[0].country', 14],
		['an unknown status', 22, '        status: guest', 'authorities[0].memberships[0].status', 22],
		[
			'a network named in fewer than five languages',
			4,
			'    names: { en: North, es: Norte, fr: Nord, pt: Norte }',
			'networks[0].names.ru',
			4,
		],
		['a bad authority id', 12, '  - id: One', 'authorities[0].id', 12],
		['a secretariat of an undeclared network', 49, '  - network: EAST', 'secretariats[1].network', 49],
		['a second secretariat for a network', 49, '  - network: NORTH', 'secretariats[1].network', 49],
		['a network without a secretariat', 49, '  - network: EAST', 'networks[1]', 7],
		[
			'a secretariat hosted by an unknown authority',
			48,
			'    name: North Secretariat\n    hosted_by: zz-nine',
			'secretariats[0].hosted_by',
			49,
		],
		['a secretariat hosted outside its network', 48, '    name: North Secretariat\n    hosted_by: bb-two', 'secretariats[0].hosted_by', 49],
		['a secretariat hosted by an observer', 50, '    name: South Secretariat\n    hosted_by: bb-two', 'secretariats[1].hosted_by', 51],
		[
			'a secretariat hosted by an authority not yet on Rogatory',
			48,
			'    name: North Secretariat\n    hosted_by: cc-three',
			'secretariats[0].hosted_by',
			49,
		],
		[
			'a secretariat both hosted and with a homeserver of its own',
			48,
			'    name: North Secretariat\n    hosted_by: aa-one\n    homeserver:\n      server_name: matrix.north.example\n      client_url: https://matrix.north.example',
			'secretariats[0].hosted_by',
			49,
		],
		[
			'applicants to a network whose secretariat is not hosted',
			6,
			'    languages: [en]\n    applicants: [bb-two]',
			'networks[0].applicants',
			7,
		],
		['an unknown applicant', 6, '    languages: [en]\n    applicants: [zz-nine]', 'networks[0].applicants[0]', 7],
		['an applicant already in the network', 6, '    languages: [en]\n    applicants: [aa-one]', 'networks[0].applicants[0]', 7],
		['an applicant not yet on Rogatory', 10, '    languages: [en, fr]\n    applicants: [cc-three]', 'networks[1].applicants[0]', 11],
		['an applicant named twice', 6, '    languages: [en]\n    applicants: [bb-two, bb-two]', 'networks[0].applicants[1]', 7],
	];

	it.each(refusals)('refuses %s, naming the key path and the line', (_what, line, text, path, reported) => {
		const errors = errorsOf(editLine(VALID_ROSTER, line, text));
		expect(errors.map((e) => ({ path: e.path, line: e.line }))).toContainEqual({ path, line: reported });
		const error = errors.find((e) => e.path === path);
		expect(error?.file).toBe(FILE);
		expect(describeError(error!)).toContain(`${FILE}, line ${reported}, ${path}: `);
	});

	it('reports every problem at once, in line order', () => {
		const text = editLine(editLine(VALID_ROSTER, 18, '    time_zone: Mars/Olympus'), 1, 'version: -1');
		expect(errorsOf(text).map((e) => e.path)).toEqual(['version', 'authorities[0].time_zone']);
	});

	it('refuses text that is not YAML, with the line', () => {
		const errors = errorsOf(editLine(VALID_ROSTER, 5, '    region: [North'));
		expect(errors[0]?.path).toBe('');
		expect(errors[0]?.line).toBeGreaterThanOrEqual(5);
		expect(errors[0]?.message).toMatch(/not valid YAML/);
	});

	it('refuses a key written twice in one mapping', () => {
		const errors = errorsOf(editLine(VALID_ROSTER, 13, '    name: Authority One\n    name: Again'));
		expect(errors[0]?.line).toBe(14);
	});

	it('refuses anchors and aliases', () => {
		const text = editLine(editLine(VALID_ROSTER, 19, '    languages: &langs [en]'), 39, '    languages: *langs');
		expect(errorsOf(text)).toContainEqual(expect.objectContaining({ path: 'authorities[2].languages', line: 39 }));
	});

	it('refuses a document that is not a mapping', () => {
		expect(errorsOf('- just\n- a list\n')).toEqual([
			expect.objectContaining({ path: '', line: 1, message: expect.stringContaining('must be a mapping') as string }),
		]);
	});

	it('reads JSON, naming lines there too', () => {
		const json = JSON.stringify(
			{
				version: 1,
				networks: [{ id: 'ONLY', names: { en: 'a', es: 'b', fr: 'c', pt: 'd', ru: 'e' }, region: 'r', languages: ['en'] }],
				authorities: [],
				secretariats: [{ network: 'ONLY', name: 'Only Secretariat' }],
			},
			null,
			2,
		);
		expect(parseRoster(json, 'roster.json').ok).toBe(true);
		const broken = json.replace('"region": "r"', '"region": 7');
		expect(errorsOf(broken)).toEqual([
			expect.objectContaining({ path: 'networks[0].region', line: broken.split('\n').findIndex((l) => l.includes('"region": 7')) + 1 }),
		]);
	});
});
