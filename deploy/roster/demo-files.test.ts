// The default roster and the demo site and people files say what
// policies/roster/testing/demo.ts says: converted to today's Roster, the demo
// authorities, networks, links and people come out the same.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import {
	checkPeopleAgainstSite,
	checkSiteAgainstRoster,
	rosterFromDocuments,
	type PeopleDocument,
} from '../../policies/roster/file/index.ts';
import { validateRoster } from '../../policies/roster/validate.ts';
import { loadPeople, loadRoster, loadSite } from './load.ts';

const here = import.meta.dirname;
const DEMO = ['sv-fgr', 'gt-mp', 'ng-ca', 'kz-gpo'];

function must<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
	if (!result.ok) throw new Error(JSON.stringify(result.error));
	return result.value;
}

describe('the demo files', () => {
	const roster = must(loadRoster(join(here, 'default.yaml'))).document;
	const people: PeopleDocument[] = DEMO.map((id) => must(loadPeople(join(here, 'demo-people', `${id}.yaml`))));

	it('convert to the demo roster', () => {
		const converted = rosterFromDocuments(roster, people);
		expect(converted.authorities).toEqual(demoRoster.authorities);
		expect(converted.networks).toEqual(demoRoster.networks);
		expect(converted.crossNetworkLinks).toEqual(demoRoster.crossNetworkLinks);
		expect(converted.people).toEqual(demoRoster.people);
		expect(converted).toEqual(demoRoster);
		expect(validateRoster(converted).ok).toBe(true);
	});

	it.each(DEMO)('site %s holds against the roster and its people file', (id) => {
		const site = must(loadSite(join(here, 'demo-sites', `${id}.yaml`))).document;
		expect(site.authority).toBe(id);
		expect(checkSiteAgainstRoster(site, roster)).toEqual([]);
		const own = people.find((p) => p.authority === id);
		expect(own && checkPeopleAgainstSite(own, site, roster)).toEqual([]);
	});
});
