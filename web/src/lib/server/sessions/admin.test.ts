import { describe, expect, it } from 'vitest';
import { err } from '#policies/result.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { endTarget, peopleSessions, sessionAdminAccess } from './admin.ts';
import { sessionUser } from './user.ts';

const roster = demoRoster;
const gt = (localpart: string) => sessionUser(`@${localpart}:127.0.20.1:28448`, 'gt-mp', roster);
const ng = (localpart: string) => sessionUser(`@${localpart}:127.0.20.2:28448`, 'ng-ca', roster);

describe('sessionAdminAccess', () => {
	it('lets an authority administrator manage the sessions of their own authority', () => {
		expect(sessionAdminAccess(gt('sofia.herrera'))).toEqual({
			kind: 'allowed',
			authority: { id: 'gt-mp', name: 'Ministerio Público de Guatemala' },
			administrator: '@sofia.herrera:127.0.20.1:28448',
		});
	});

	it('refuses prosecutors, officers, focal points and secretariats, and anyone of no authority', () => {
		for (const localpart of ['ana.lopez', 'carlos.mendez', 'lucia.ramirez', 'refco.secretariat', 'someone'])
			expect(sessionAdminAccess(gt(localpart))).toMatchObject({ kind: 'refused', authority: { id: 'gt-mp' } });
		expect(sessionAdminAccess(sessionUser('@sofia.herrera:127.0.20.250:28448', 'outsider', roster))).toEqual({
			kind: 'refused',
			authority: undefined,
		});
		expect(sessionAdminAccess(undefined)).toEqual({ kind: 'no-session' });
	});
});

describe('peopleSessions', () => {
	it('lists every roster person of the authority with their sessions and last use, nobody else', () => {
		const rows = peopleSessions(roster, 'gt-mp', [
			{ userId: '@carlos.mendez:127.0.20.1:28448', sessions: 2, lastSeenAt: 5 },
			{ userId: '@not.in.roster:127.0.20.1:28448', sessions: 7, lastSeenAt: 9 },
		]);
		expect(rows.map((r) => r.localpart)).toEqual(['ana.lopez', 'carlos.mendez', 'lucia.ramirez', 'refco.secretariat', 'sofia.herrera']);
		expect(rows.find((r) => r.localpart === 'carlos.mendez')).toMatchObject({ sessions: 2, lastSeenAt: 5 });
		expect(rows.find((r) => r.localpart === 'ana.lopez')).toMatchObject({ sessions: 0, lastSeenAt: undefined });
	});
});

describe('endTarget', () => {
	const activity = [{ userId: '@carlos.mendez:127.0.20.1:28448', sessions: 1, lastSeenAt: 1 }];
	it('names a person of the administrator’s authority and their accounts with sessions', () => {
		const target = endTarget(roster, 'gt-mp', activity, 'Carlos.Mendez');
		expect(target.ok && target.value.person.displayName).toBe('Carlos Méndez');
		expect(target.ok && target.value.userIds).toEqual(['@carlos.mendez:127.0.20.1:28448']);
		expect(endTarget(roster, 'gt-mp', [], 'ana.lopez')).toMatchObject({ ok: true, value: { userIds: [] } });
	});

	it('refuses anyone of another authority, anyone the roster does not list, and anything not a name', () => {
		expect(endTarget(roster, 'ng-ca', activity, 'carlos.mendez')).toEqual(err('not-of-authority'));
		expect(endTarget(roster, 'gt-mp', activity, 'not.in.roster')).toEqual(err('not-of-authority'));
		expect(endTarget(roster, 'gt-mp', activity, undefined)).toEqual(err('not-of-authority'));
		expect(endTarget(roster, 'gt-mp', activity, ['carlos.mendez'])).toEqual(err('not-of-authority'));
		expect(sessionAdminAccess(ng('ngozi.eze'))).toMatchObject({ kind: 'allowed', authority: { id: 'ng-ca' } });
	});
});
