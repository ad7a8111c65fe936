import { describe, expect, it } from 'vitest';
import { demoRoster, GUATEMALA, EL_SALVADOR, NIGERIA } from '#policies/roster/testing/demo.ts';
import { REFCO } from '#policies/roster/testing/networks.ts';
import type { Roster } from '#policies/roster/types.ts';
import { compareRoster, isMismatch, rosterVersionRows, shortHash } from './roster-versions.ts';

const OURS = { version: 3, sha256: 'a'.repeat(64) };
const stamp = { at: '2026-12-01T00:00:00Z', by: '@rogatory-bridge:x' };

describe('compareRoster', () => {
	it('same version and hash: the same roster', () => {
		expect(compareRoster(OURS, { ...OURS })).toBe('same');
	});
	it('another version: a mismatch, whichever is newer', () => {
		expect(compareRoster(OURS, { version: 4, sha256: 'b'.repeat(64) })).toBe('other-version');
		expect(compareRoster(OURS, { version: 2, sha256: OURS.sha256 })).toBe('other-version');
	});
	it('the same version with another SHA-256: a mismatch of its own (two files called version 3)', () => {
		expect(compareRoster(OURS, { version: 3, sha256: 'c'.repeat(64) })).toBe('other-file');
	});
	it('nothing stated', () => {
		expect(compareRoster(OURS, undefined)).toBe('not-stated');
	});
	it('only other-version and other-file are mismatches', () => {
		expect((['same', 'other-version', 'other-file', 'not-stated'] as const).map(isMismatch)).toEqual([false, true, true, false]);
	});
});

describe('rosterVersionRows', () => {
	it('lists the network’s authorities in roster order, each compared', () => {
		const stated = { [GUATEMALA.id]: { roster: OURS, updated: stamp }, [NIGERIA.id]: { roster: { ...OURS, version: 9 }, updated: stamp } };
		const rows = rosterVersionRows(demoRoster, REFCO.id, stated, OURS);
		expect(rows).toEqual([
			{ authority: EL_SALVADOR.id, name: EL_SALVADOR.name, observer: false, match: 'not-stated' },
			{ authority: GUATEMALA.id, name: GUATEMALA.name, observer: false, stated: OURS, match: 'same' },
		]);
	});

	it('marks observers, and never reads an inherited key as a statement', () => {
		const roster: Roster = {
			...demoRoster,
			authorities: [{ ...GUATEMALA, memberships: [{ network: REFCO.id, status: 'observer' }] }],
		};
		const stated = Object.create({ [GUATEMALA.id]: { roster: OURS } }) as Record<string, { roster: typeof OURS }>;
		expect(rosterVersionRows(roster, REFCO.id, stated, OURS)).toEqual([
			{ authority: GUATEMALA.id, name: GUATEMALA.name, observer: true, match: 'not-stated' },
		]);
	});

	it('shortens a hash as rosterLabel does', () => {
		expect(shortHash('0123456789abcdef'.repeat(4))).toBe('0123456789ab');
	});
});
