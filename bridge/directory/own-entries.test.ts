import { describe, expect, it } from 'vitest';
import type { DirectoryPayload, PersonEntry } from '../../policies/directory/types.ts';
import { GUATEMALA, NIGERIA } from '../../policies/roster/testing/demo.ts';
import { readOwnPayload, takeEntry, type OwnEntries } from './own-entries.ts';
import { buildDirectoryContent } from '../../policies/directory/index.ts';

const person = (id: string, name: string, at: string, authority = GUATEMALA.id): DirectoryPayload => ({
	type: 'person',
	entry: { id, authority, name, roles: ['prosecutor'], languages: ['es'], rota: [] } satisfies PersonEntry,
	updated: { at, by: '@lucia.ramirez:gt' },
});

describe('readOwnPayload', () => {
	it('reads an entry about the bridge’s authority, without the version', () => {
		const payload = person('@ana:gt', 'Ana', '2026-01-01T00:00:00Z');
		expect(readOwnPayload(buildDirectoryContent(payload), GUATEMALA.id)).toEqual(payload);
	});

	it('leaves out another authority’s entries, editors events and what is not a directory entry', () => {
		expect(readOwnPayload(buildDirectoryContent(person('@a:ng', 'A', '2026-01-01T00:00:00Z', NIGERIA.id)), GUATEMALA.id)).toBeUndefined();
		const editors: DirectoryPayload = {
			type: 'editors',
			authority: GUATEMALA.id,
			editors: [],
			updated: { at: '2026-01-01T00:00:00Z', by: '@b:gt' },
		};
		expect(readOwnPayload(buildDirectoryContent(editors), GUATEMALA.id)).toBeUndefined();
		expect(readOwnPayload({ msgtype: 'm.text', body: 'hello' }, GUATEMALA.id)).toBeUndefined();
		expect(readOwnPayload({ 'org.rogatory.directory': { version: 2, ...person('@a:gt', 'A', 'x') } }, GUATEMALA.id)).toBeUndefined();
	});
});

describe('takeEntry', () => {
	it('keeps the latest stamp per entry whatever the arrival order, and a removal replaces the person', () => {
		const older = person('@ana:gt', 'Ana old', '2026-01-01T00:00:00Z');
		const newer = person('@ana:gt', 'Ana new', '2026-01-02T00:00:00+01:00');
		let entries: OwnEntries = {};
		entries = takeEntry(entries, newer, '$b');
		entries = takeEntry(entries, older, '$a');
		expect(entries['person:@ana:gt']).toEqual({ payload: newer, eventId: '$b' });
		const removed: DirectoryPayload = {
			type: 'removed',
			authority: GUATEMALA.id,
			person: '@ana:gt',
			why: 'departed',
			updated: { at: '2026-02-01T00:00:00Z', by: '@lucia.ramirez:gt' },
		};
		entries = takeEntry(entries, removed, '$c');
		expect(Object.values(entries).map((e) => e.payload.type)).toEqual(['removed']);
	});

	it('breaks a tie of stamps by the greater event ID', () => {
		const one = person('@ana:gt', 'One', '2026-01-01T00:00:00Z');
		const two = person('@ana:gt', 'Two', '2026-01-01T00:00:00Z');
		expect(takeEntry(takeEntry({}, two, '$z'), one, '$a')['person:@ana:gt']?.eventId).toBe('$z');
		expect(takeEntry(takeEntry({}, one, '$a'), two, '$z')['person:@ana:gt']?.eventId).toBe('$z');
	});
});
