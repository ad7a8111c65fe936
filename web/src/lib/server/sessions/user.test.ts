import { describe, expect, it } from 'vitest';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { rosterLocalpart } from '#policies/roster/people.ts';
import { sessionUser } from './user.ts';

describe('sessionUser', () => {
	it('finds the roster person by localpart on their authority’s homeserver, with their roles', () => {
		const user = sessionUser('@carlos.mendez:127.0.20.1:28448', 'gt-mp', demoRoster);
		expect(user.authority?.id).toBe('gt-mp');
		expect(user.person?.displayName).toBe('Carlos Méndez');
		expect(user.roles).toEqual(['central-authority-officer']);
	});

	it('gives no roles to the same localpart on another authority’s homeserver', () => {
		const user = sessionUser('@carlos.mendez:127.0.20.2:28448', 'ng-ca', demoRoster);
		expect(user.authority?.id).toBe('ng-ca');
		expect(user.person).toBeUndefined();
		expect(user.roles).toEqual([]);
	});

	it('gives no authority and no roles on a homeserver no authority runs', () => {
		expect(sessionUser('@x:127.0.20.250:28448', 'outsider', demoRoster)).toMatchObject({
			authority: undefined,
			person: undefined,
			roles: [],
		});
	});

	it('reads the localpart of a user ID whose server name has a port', () => {
		expect(rosterLocalpart('@Amina.Bello:127.0.20.2:28448')).toBe('amina.bello');
	});
});
