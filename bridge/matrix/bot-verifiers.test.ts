import { describe, expect, it } from 'vitest';
import { demoRoster, GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { mayVerifyBot, type BotVerifiers } from './bot-verifiers.ts';

const guatemala: BotVerifiers = { people: demoRoster.people, authority: GUATEMALA.id, server: '127.0.20.1:28448' };

describe('mayVerifyBot', () => {
	it('lets an administrator of the bot’s own authority, on its homeserver, verify it', () => {
		const decided = mayVerifyBot('@sofia.herrera:127.0.20.1:28448', guatemala);
		expect(decided).toMatchObject({ ok: true, value: { localpart: 'sofia.herrera' } });
	});

	it('matches the localpart whatever its case', () => {
		expect(mayVerifyBot('@Sofia.Herrera:127.0.20.1:28448', guatemala).ok).toBe(true);
	});

	it('refuses a person of the same authority with another role, and names the roles', () => {
		const decided = mayVerifyBot('@ana.lopez:127.0.20.1:28448', guatemala);
		expect(decided.ok).toBe(false);
		if (!decided.ok) expect(decided.error).toContain('prosecutor');
	});

	it('refuses the administrator’s localpart on another homeserver', () => {
		const decided = mayVerifyBot('@sofia.herrera:127.0.20.2:28448', guatemala);
		expect(decided.ok).toBe(false);
		if (!decided.ok) expect(decided.error).toContain('homeserver');
	});

	it('refuses another authority’s administrator, even on the bot’s homeserver', () => {
		expect(mayVerifyBot('@ngozi.eze:127.0.20.2:28448', guatemala).ok).toBe(false);
		expect(mayVerifyBot('@ngozi.eze:127.0.20.1:28448', guatemala).ok).toBe(false);
		expect(mayVerifyBot('@ngozi.eze:127.0.20.2:28448', { ...guatemala, authority: NIGERIA.id, server: '127.0.20.2:28448' }).ok).toBe(true);
	});

	it('refuses someone the people file does not list', () => {
		expect(mayVerifyBot('@mallory:127.0.20.1:28448', guatemala).ok).toBe(false);
	});
});
