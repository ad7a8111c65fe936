import { describe, expect, it } from 'vitest';
import { serversFromRoster } from '#policies/cases/index.ts';
import { demoRoster } from '#policies/roster/testing/demo.ts';
import { AMINA, AIGERIM } from '#policies/cases/testing/fixtures.ts';
import { personLabel, personOf } from './people.ts';

const directory = { roster: demoRoster, servers: serversFromRoster(demoRoster), names: new Map([[AMINA, 'Amina Bello']]) };

describe('people on the case page', () => {
	it('are named by display name with their authority, the Matrix ID kept aside', () => {
		const amina = personOf(AMINA, directory);
		expect(amina).toEqual({ id: AMINA, name: 'Amina Bello', authority: 'Central Authority Unit, Federal Ministry of Justice of Nigeria' });
		expect(personLabel(amina)).toBe('Amina Bello, Central Authority Unit, Federal Ministry of Justice of Nigeria');
		expect(personLabel(amina)).not.toContain(AMINA);
	});

	it('are shown by Matrix ID only when they set no display name', () => {
		expect(personLabel(personOf(AIGERIM, directory))).toBe(AIGERIM);
	});

	it('are named without an authority on a server the roster does not know', () => {
		const stranger = '@x:unknown.example';
		expect(personLabel(personOf(stranger, { ...directory, names: new Map([[stranger, 'X']]) }))).toBe('X');
	});

	it('name an authority’s bridge bot as its country’s Rogatory bot, without its display name', () => {
		const [server] = [...directory.servers].find(([, authority]) => authority === 'gt-mp') ?? [];
		const bot = `@rogatory-bridge:${server ?? ''}`;
		const person = personOf(bot, { ...directory, names: new Map([[bot, 'rogatory-bridge']]) });
		expect(personLabel(person)).toBe("Guatemala's Rogatory bot");
	});
});
