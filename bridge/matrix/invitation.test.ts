import { describe, expect, it } from 'vitest';
import { serversFromRoster } from '../../policies/cases/index.ts';
import { demoRoster, GUATEMALA, KAZAKHSTAN, NIGERIA } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { decideInvitation, type InvitationPolicy } from './invitation.ts';

const local = new Map<string, AuthorityId>([
	['127.0.20.1:28448', GUATEMALA.id],
	['127.0.20.2:28448', NIGERIA.id],
	['127.0.20.3:28448', KAZAKHSTAN.id],
]);
const guatemala: InvitationPolicy = { roster: demoRoster, servers: local, authority: GUATEMALA.id };

describe('decideInvitation', () => {
	it('accepts a user of the bot’s own authority', () => {
		expect(decideInvitation('@ana:127.0.20.1:28448', guatemala)).toMatchObject({ decision: 'accepted' });
	});

	it('accepts an authority linked to the bot’s own (Guatemala–Nigeria link)', () => {
		expect(decideInvitation('@chinedu:127.0.20.2:28448', guatemala)).toMatchObject({ decision: 'accepted' });
	});

	it('refuses an authority that shares no network or link, and says which', () => {
		const decided = decideInvitation('@aigerim:127.0.20.3:28448', guatemala);
		expect(decided.decision).toBe('refused');
		expect(decided.reason).toContain(KAZAKHSTAN.id);
	});

	it('the same pair is accepted from the linked side (Nigeria–Kazakhstan)', () => {
		expect(decideInvitation('@aigerim:127.0.20.3:28448', { ...guatemala, authority: NIGERIA.id }).decision).toBe('accepted');
	});

	it('refuses a homeserver that is in no roster (the outsider)', () => {
		const decided = decideInvitation('@eve:127.0.20.250:28448', guatemala);
		expect(decided).toMatchObject({ decision: 'refused' });
		expect(decided.reason).toContain('127.0.20.250:28448');
	});

	it('refuses a malformed inviter', () => {
		expect(decideInvitation('not-a-user', guatemala).decision).toBe('refused');
	});

	it('reads production server names through serversFromRoster', () => {
		const policy = { ...guatemala, servers: serversFromRoster(demoRoster) };
		expect(decideInvitation(`@a:${NIGERIA.homeserver}`, policy).decision).toBe('accepted');
		expect(decideInvitation(`@a:${KAZAKHSTAN.homeserver}`, policy).decision).toBe('refused');
	});
});
