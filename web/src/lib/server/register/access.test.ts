import { describe, expect, it } from 'vitest';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { sessionUser } from '../sessions/user.ts';
import { registerAccess } from './access.ts';

const user = (localpart: string, homeserverId: string) => sessionUser(`@${localpart}:127.0.20.9:28448`, homeserverId, demoRoster);

describe('registerAccess', () => {
	it('lets a central-authority officer read their own authority’s register', () => {
		expect(registerAccess(user('carlos.mendez', 'gt-mp'))).toEqual({
			kind: 'allowed',
			authority: { id: 'gt-mp', name: 'Ministerio Público de Guatemala' },
		});
		expect(registerAccess(user('amina.bello', 'ng-ca'))).toMatchObject({ kind: 'allowed', authority: { id: 'ng-ca' } });
	});

	it('lets an authority administrator read it', () => {
		const roster = {
			...demoRoster,
			people: [
				...demoRoster.people,
				{
					...demoRoster.people.find((p) => p.localpart === 'ana.lopez')!,
					localpart: 'admin.gt',
					roles: ['authority-administrator' as const],
				},
			],
		};
		expect(registerAccess(sessionUser('@admin.gt:x', 'gt-mp', roster))).toMatchObject({ kind: 'allowed' });
	});

	it('refuses prosecutors, focal points and secretariats, naming their authority', () => {
		for (const localpart of ['chinedu.okafor', 'tunde.adeyemi', 'wacap.secretariat'])
			expect(registerAccess(user(localpart, 'ng-ca'))).toEqual({
				kind: 'refused',
				authority: { id: 'ng-ca', name: 'Central Authority Unit, Federal Ministry of Justice of Nigeria' },
			});
	});

	it('refuses accounts the roster does not list, and accounts of no authority', () => {
		expect(registerAccess(user('someone', 'gt-mp'))).toMatchObject({ kind: 'refused', authority: { id: 'gt-mp' } });
		expect(registerAccess(user('carlos.mendez', 'outsider'))).toEqual({ kind: 'refused', authority: undefined });
	});

	it('asks for a session first when there is none', () => {
		expect(registerAccess(undefined)).toEqual({ kind: 'no-session' });
	});
});
