import { describe, expect, it } from 'vitest';
import { parsePeople } from './parse-people.ts';
import { editLine } from './testing/valid-roster.ts';

const PEOPLE = `authority: aa-one
people:
  - localpart: alice
    display_name: Alice
    roles: [prosecutor, focal-point]
    language: en
    email: alice@mp.aa.example
  - localpart: north.secretariat
    display_name: North Secretariat
    roles: [secretariat]
    language: fr
    secretariat_of: NORTH
`;

describe('parsePeople', () => {
	it('reads a valid people file', () => {
		const parsed = parsePeople(PEOPLE, 'people.yaml');
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.value.people).toEqual([
			{ localpart: 'alice', displayName: 'Alice', roles: ['prosecutor', 'focal-point'], language: 'en', email: 'alice@mp.aa.example' },
			{ localpart: 'north.secretariat', displayName: 'North Secretariat', roles: ['secretariat'], language: 'fr', secretariatOf: 'NORTH' },
		]);
	});

	const refusals: [string, number, string, string, number][] = [
		['an unknown role', 5, '    roles: [judge]', 'people[0].roles[0]', 5],
		['no role', 5, '    roles: []', 'people[0].roles', 5],
		['a role twice', 5, '    roles: [prosecutor, prosecutor]', 'people[0].roles[1]', 5],
		['a language outside the five', 6, '    language: de', 'people[0].language', 6],
		['a bad localpart', 3, '  - localpart: Alice Smith', 'people[0].localpart', 3],
		['a localpart twice (in any case)', 8, '  - localpart: ALICE', 'people[1].localpart', 8],
		['a missing display name', 4, '', 'people[0].display_name', 3],
		['secretariat_of without the role', 10, '    roles: [prosecutor]', 'people[1].secretariat_of', 12],
		['the secretariat role without its network', 12, '', 'people[1].roles', 10],
		['an unknown key', 6, '    language: en\n    phone: 123', 'people[0].phone', 7],
		['an address with a name', 7, '    email: Alice <alice@mp.aa.example>', 'people[0].email', 7],
		['no address at all', 7, '    email: alice', 'people[0].email', 7],
	];

	it.each(refusals)('refuses %s, naming the key path and the line', (_what, line, text, path, reported) => {
		const parsed = parsePeople(editLine(PEOPLE, line, text), 'people.yaml');
		expect(parsed.ok).toBe(false);
		if (!parsed.ok)
			expect(parsed.error).toContainEqual({ file: 'people.yaml', path, line: reported, message: expect.any(String) as string });
	});
});
