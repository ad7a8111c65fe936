import { describe, expect, it } from 'vitest';
import { GUATEMALA, KAZAKHSTAN, demoRoster } from '../../roster/testing/demo.ts';
import type { Person } from '../../roster/types.ts';
import { directoryEditors } from './editors.ts';

describe('directoryEditors', () => {
	it('are the authority’s focal points and administrators, not its prosecutors, officers or secretariat', () => {
		expect(directoryEditors(demoRoster.people, GUATEMALA.id)).toEqual(['lucia.ramirez', 'sofia.herrera']);
		expect(directoryEditors(demoRoster.people, KAZAKHSTAN.id)).toEqual(['aslan.bekov', 'olga.kim']);
	});

	it('lists each once, lower case, sorted, whatever the people file’s order', () => {
		const people: Person[] = [
			{ localpart: 'Zoe.Point', displayName: 'Zoe', authority: GUATEMALA.id, roles: ['focal-point-24-7'], language: 'es' },
			{ localpart: 'zoe.point', displayName: 'Zoe', authority: GUATEMALA.id, roles: ['focal-point'], language: 'es' },
			{ localpart: 'abel', displayName: 'Abel', authority: GUATEMALA.id, roles: ['authority-administrator'], language: 'es' },
			{ localpart: 'olga.kim', displayName: 'Olga', authority: KAZAKHSTAN.id, roles: ['focal-point'], language: 'ru' },
		];
		expect(directoryEditors(people, GUATEMALA.id)).toEqual(['abel', 'zoe.point']);
	});

	it('is empty for an authority with no editor', () => {
		expect(directoryEditors([], GUATEMALA.id)).toEqual([]);
	});
});
