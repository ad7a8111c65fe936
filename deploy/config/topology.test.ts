import { describe, expect, it } from 'vitest';
import { allocateOctets } from './addresses.ts';
import { PROFILES } from './profiles.ts';
import { sampleRoster } from './sample-roster.ts';
import { planHomeservers } from './topology.ts';

const ids = sampleRoster.authorities.map((a) => a.id);
const plans = planHomeservers(sampleRoster, PROFILES.test, allocateOctets({}, ids));
const plan = (id: string) => plans.find((p) => p.id === id)!;

describe('planHomeservers', () => {
	it('plans one homeserver per authority plus the outsider, each on its own loopback address', () => {
		expect(plans.map((p) => p.id)).toEqual([...ids, 'outsider']);
		expect(new Set(plans.map((p) => p.address)).size).toBe(plans.length);
		expect(plan('aa-one')).toMatchObject({
			address: '127.0.20.1',
			serverName: '127.0.20.1:28448',
			clientPort: 28008,
			federationPort: 28448,
		});
		expect(plan('outsider').serverName).toBe('127.0.20.250:28448');
	});

	it('whitelists the same network and declared cross-network links, never itself', () => {
		expect(plan('aa-one').federationWhitelist).toEqual(['127.0.20.2:28448']);
		expect(plan('bb-two').federationWhitelist).toEqual(['127.0.20.1:28448', '127.0.20.5:28448']);
		expect(plan('ee-five').federationWhitelist).toEqual(['127.0.20.2:28448']);
		expect(plan('cc-three').federationWhitelist).toEqual(['127.0.20.4:28448']);
	});

	it('never whitelists the outsider, and leaves the outsider open', () => {
		for (const p of plans) expect(p.federationWhitelist ?? []).not.toContain(plan('outsider').serverName);
		expect(plan('outsider').federationWhitelist).toBeUndefined();
	});

	it('uses each profile’s own subnet and ports', () => {
		const start = planHomeservers(sampleRoster, PROFILES.start, allocateOctets({}, ids));
		expect(start[0]).toMatchObject({ serverName: '127.0.10.1:18448', clientPort: 18008 });
		const bench = planHomeservers(sampleRoster, PROFILES.bench, allocateOctets({}, ids));
		expect(bench[0]).toMatchObject({ serverName: '127.0.30.1:38448', clientPort: 38008 });
	});

	it('plans no outsider for a profile that runs the roster’s homeservers alone', () => {
		const fanout = planHomeservers(sampleRoster, PROFILES.fanout, allocateOctets({}, ids));
		expect(fanout.map((p) => p.id)).toEqual(ids);
		expect(fanout[0]).toMatchObject({ serverName: '127.0.50.1:58448', clientPort: 58008 });
	});

	it('runs only the homeservers placed here, and whitelists one run elsewhere under its own server name', () => {
		const placed = planHomeservers(sampleRoster, PROFILES.peers, allocateOctets({}, ids), {
			elsewhere: { 'aa-one': '127.0.70.1' },
			only: ['bb-two'],
		});
		expect(placed.map((p) => p.id)).toEqual(['bb-two']);
		expect(placed[0]).toMatchObject({ serverName: '127.0.80.2:27448', federationWhitelist: ['127.0.70.1', '127.0.80.5:27448'] });
		const all = planHomeservers(sampleRoster, PROFILES.peers, allocateOctets({}, ids), { elsewhere: { 'aa-one': '127.0.70.1' } });
		expect(all.map((p) => p.id)).toEqual(ids.filter((id) => id !== 'aa-one'));
	});
});
