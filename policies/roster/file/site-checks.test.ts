import { describe, expect, it } from 'vitest';
import type { Result } from '../../result.ts';
import { parsePeople } from './parse-people.ts';
import { parseRoster } from './parse-roster.ts';
import { parseSite } from './parse-site.ts';
import { checkPeopleAgainstSite, checkSiteAgainstRoster } from './site-checks.ts';
import { VALID_ROSTER } from './testing/valid-roster.ts';

const value = <T>(result: Result<T, unknown>): T => {
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.value;
};

const roster = value(parseRoster(VALID_ROSTER, 'roster.yaml'));
const site = (authority: string) =>
	value(
		parseSite(
			`# a site
authority: ${authority}
urls: { web: 'https://web.example' }
paths: { data: d, register: r, sessions: s, secrets: k, people: p }
homeserver: { admin_token_file: t }
bridge: { localpart: rogatory-bridge }
`,
			'site.yaml',
		),
	);
const people = (authority: string, network: string) =>
	value(
		parsePeople(
			`authority: ${authority}
people:
  - { localpart: sec, display_name: Sec, roles: [secretariat], language: en, secretariat_of: ${network} }
`,
			'people.yaml',
		),
	);

describe('checkSiteAgainstRoster', () => {
	it('accepts a site of an authority with a homeserver', () => {
		expect(checkSiteAgainstRoster(site('aa-one'), roster)).toEqual([]);
	});

	it('refuses an authority that is not in the roster, at the site’s line', () => {
		expect(checkSiteAgainstRoster(site('zz-nine'), roster)).toEqual([
			{
				file: 'site.yaml',
				path: 'authority',
				line: 2,
				message: expect.stringContaining('not an authority of the roster (version 3)') as string,
			},
		]);
	});

	it('refuses an authority not yet on Rogatory', () => {
		expect(checkSiteAgainstRoster(site('cc-three'), roster)[0]?.message).toMatch(/not yet on Rogatory/);
	});
});

describe('checkPeopleAgainstSite', () => {
	it('accepts the site’s own people in declared networks', () => {
		expect(checkPeopleAgainstSite(people('aa-one', 'NORTH'), site('aa-one'), roster)).toEqual([]);
	});

	it('refuses another authority’s people file and an undeclared network', () => {
		const errors = checkPeopleAgainstSite(people('bb-two', 'EAST'), site('aa-one'), roster);
		expect(errors.map((e) => [e.path, e.line])).toEqual([
			['authority', 1],
			['people[0].secretariat_of', 3],
		]);
	});
});
