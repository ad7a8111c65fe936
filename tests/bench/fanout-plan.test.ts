import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeployment } from '../../deploy/roster/load.ts';
import type { Authority, AuthorityId, Roster } from '../../policies/roster/types.ts';
import { demoRoster, EL_SALVADOR, GUATEMALA } from '../../policies/roster/testing/demo.ts';
import { REFCO } from '../../policies/roster/testing/networks.ts';
import { fanoutPlan } from './fanout-plan.ts';

const member = (id: string): Authority => ({ ...GUATEMALA, id: id as AuthorityId });
const oneNetwork = (authorities: readonly Authority[]): Roster => ({
	...demoRoster,
	networks: [REFCO],
	authorities,
	crossNetworkLinks: [],
	people: [],
});

describe('fanoutPlan', () => {
	it('takes every authority of the one network in roster order, the first sending and the first two as the baseline pair', () => {
		const plan = fanoutPlan(oneNetwork([EL_SALVADOR, GUATEMALA, member('zz-three')]));
		expect(plan).toEqual({
			ok: true,
			value: { network: REFCO.id, members: ['sv-fgr', 'gt-mp', 'zz-three'], sender: 'sv-fgr', pair: ['sv-fgr', 'gt-mp'] },
		});
	});

	it('leaves out authorities of no membership in the network', () => {
		const elsewhere: Authority = {
			...member('yy-out'),
			memberships: [{ network: 'OTHER' as Roster['networks'][number]['id'], status: 'member' }],
		};
		const plan = fanoutPlan(oneNetwork([elsewhere, EL_SALVADOR, GUATEMALA, member('zz-three')]));
		expect(plan.ok && plan.value.members).toEqual(['sv-fgr', 'gt-mp', 'zz-three']);
	});

	it('refuses a roster of several networks, or of none', () => {
		const several = fanoutPlan(demoRoster);
		expect(!several.ok && several.error).toContain('exactly one network');
		expect(fanoutPlan({ ...oneNetwork([EL_SALVADOR]), networks: [] })).toMatchObject({ ok: false });
	});

	it('refuses a network too small to fan out beyond the two-server baseline', () => {
		const two = fanoutPlan(oneNetwork([EL_SALVADOR, GUATEMALA]));
		expect(!two.ok && two.error).toContain('at least 3');
	});

	it('reads the bench roster file as one network of ten homeservers', () => {
		const read = loadDeployment({ roster: join(import.meta.dirname, 'plenary-fanout', 'roster.yaml'), sites: [] });
		if (!read.ok) throw new Error(JSON.stringify(read.error));
		const plan = fanoutPlan(read.value.runtime);
		if (!plan.ok) throw new Error(plan.error);
		expect(plan.value.network).toBe('REFCO');
		expect(plan.value.members).toHaveLength(10);
		expect(new Set(read.value.runtime.authorities.map((a) => a.homeserver)).size).toBe(10);
		expect(plan.value.pair).toEqual(plan.value.members.slice(0, 2));
	});
});
