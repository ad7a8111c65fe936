import { describe, expect, it } from 'vitest';
import type { PersonEntry } from '#policies/directory/types.ts';
import { requestPeople } from './request-people.ts';
import { ANA, GT, LUCIA, viewOf } from './testing.ts';

// A Tuesday, 10:00 in Guatemala (UTC−6): inside Lucía's hours.
const TUESDAY_MORNING = new Date('2026-12-01T16:00:00Z');
const CARLOS: PersonEntry = {
	...ANA,
	id: '@carlos:mp.gt',
	name: 'Carlos Méndez',
	roles: ['central-authority-officer'],
	matrixId: '@carlos:mp.gt',
};
const NO_ID: PersonEntry = { ...ANA, id: 'pedro', name: 'Pedro', matrixId: undefined } as unknown as PersonEntry;

describe('requestPeople', () => {
	it('puts officers and focal points first, the reachable now first among them, then the others', () => {
		const offered = requestPeople([viewOf('REFCO', [ANA, CARLOS, LUCIA])], GT, TUESDAY_MORNING);
		expect(offered.map((o) => o.person.name)).toEqual(['Lucía Ramírez', 'Carlos Méndez', 'Ana López']);
		expect(offered[0]?.reachability).toBe('working-hours');
	});

	it('offers only the requested authority’s people who have a Matrix ID, each once across networks', () => {
		const { matrixId: _, ...withoutId } = NO_ID;
		const offered = requestPeople([viewOf('REFCO', [LUCIA, withoutId]), viewOf('CASC', [LUCIA])], GT, TUESDAY_MORNING);
		expect(offered.map((o) => o.person.matrixId)).toEqual(['@lucia.ramirez:mp.gt']);
		expect(requestPeople([viewOf('REFCO', [LUCIA])], 'ng-ca', TUESDAY_MORNING)).toEqual([]);
	});
});
