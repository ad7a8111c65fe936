// The fold gives the same directory for the same events in any order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GUATEMALA } from '../../roster/testing/demo.ts';
import { REFCO } from '../../roster/testing/networks.ts';
import type { AuthorityId, Roster } from '../../roster/types.ts';
import { ANA, arrival, GT_MP, GT_SERVER, LUCIA, personPayload, stamp } from '../testing/entries.ts';
import type { DirectoryPayload } from '../types.ts';
import { foldDirectory, type DirectoryArrival } from './fold.ts';

const roster: Roster = { networks: [REFCO], authorities: [GUATEMALA], people: [], crossNetworkLinks: [] };
const serverOf = (a: AuthorityId) => (a === GT_MP ? GT_SERVER : undefined);
const BRIDGE = `@rogatory-bridge:${GT_SERVER}`;
const SENDERS = [BRIDGE, LUCIA.id, `@carlos.mendez:${GT_SERVER}`];
const PEOPLE = [ANA, LUCIA, { ...ANA, name: 'Ana María López' }, { ...LUCIA, title: 'Fiscal' }];

// Few instants so that ties happen.
const at = fc.constantFrom('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z', '2026-11-01T18:00:00-06:00');
const payload: fc.Arbitrary<DirectoryPayload> = fc.oneof(
	fc.tuple(fc.constantFrom(...PEOPLE), at).map(([p, t]) => personPayload(p, t)),
	fc
		.tuple(fc.constantFrom(ANA.id, LUCIA.id), at)
		.map(([person, t]) => ({ type: 'removed' as const, authority: GT_MP, person, why: 'removed' as const, updated: stamp(t) })),
	fc
		.tuple(fc.subarray(SENDERS.slice(1)), at)
		.map(([editors, t]) => ({ type: 'editors' as const, authority: GT_MP, editors, updated: stamp(t, BRIDGE) })),
);
const events = fc
	.uniqueArray(
		fc.tuple(
			fc.integer({ min: 0, max: 0xfff }).map((n) => n.toString(16)),
			fc.constantFrom(...SENDERS),
			payload,
		),
		{ selector: ([id]) => id, maxLength: 14 },
	)
	.map((list) => list.map(([id, sender, p]) => arrival(`$${id}`, sender, p)));

describe('foldDirectory in any order', () => {
	it('gives the same view for every shuffle of the same events', () => {
		fc.assert(
			fc.property(events, fc.array(fc.nat()), (list: DirectoryArrival[], keys) => {
				const shuffled = list
					.map((e, i) => ({ e, k: keys[i] ?? i }))
					.sort((a, b) => a.k - b.k)
					.map(({ e }) => e);
				const input = { network: REFCO.id, roster, serverOf };
				expect(foldDirectory({ ...input, events: shuffled })).toEqual(foldDirectory({ ...input, events: list }));
				expect(foldDirectory({ ...input, events: [...list].reverse() })).toEqual(foldDirectory({ ...input, events: list }));
			}),
			{ numRuns: 1_000 },
		);
	});
});
