import { describe, expect, it } from 'vitest';
import { bridgeUserId } from '../roster/bridge.ts';
import { GUATEMALA, NIGERIA } from '../roster/testing/demo.ts';
import type { AuthorityId } from '../roster/types.ts';
import { reportFromItsBridge } from './sender.ts';

const bridges = new Map<AuthorityId, string>([
	[GUATEMALA.id, bridgeUserId(GUATEMALA.homeserver)],
	[NIGERIA.id, bridgeUserId(NIGERIA.homeserver)],
]);

describe('reportFromItsBridge', () => {
	it('takes a report from the authority’s own bridge only', () => {
		expect(reportFromItsBridge(bridgeUserId(GUATEMALA.homeserver), GUATEMALA.id, bridges)).toEqual({ ok: true, value: undefined });
		expect(reportFromItsBridge(bridgeUserId(NIGERIA.homeserver), GUATEMALA.id, bridges)).toMatchObject({
			ok: false,
			error: expect.stringMatching(/is not the bridge of gt-mp/) as string,
		});
		expect(reportFromItsBridge(`@ana.lopez:${GUATEMALA.homeserver}`, GUATEMALA.id, bridges).ok).toBe(false);
		expect(reportFromItsBridge('@x:y.org', 'kz-gpo' as AuthorityId, bridges)).toMatchObject({ ok: false, error: /no bridge/ });
	});
});
