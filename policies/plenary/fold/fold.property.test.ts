// The plenary fold gives the same view for the same events in any order, and
// never throws, whatever events a room holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	ANA,
	announce,
	arrival,
	attend,
	BETO,
	CARLA,
	CONTEXT,
	DIEGO,
	endPoll,
	message,
	OUTSIDER,
	PLENARY,
	pollStart,
	SECRETARIAT,
	UNSIGNED,
	vote,
} from '../testing/fixtures.ts';
import type { PlenaryArrival } from '../types.ts';
import { foldPlenaries } from './fold.ts';

const SENDERS = [SECRETARIAT, ANA, BETO, CARLA, DIEGO, OUTSIDER];
const POLLS = ['$p1', '$p2'];
// Few minutes so that timestamps tie.
const minute = fc.integer({ min: 0, max: 6 });

const event: fc.Arbitrary<(id: string) => PlenaryArrival> = fc.oneof(
	fc.tuple(minute, fc.boolean(), fc.constantFrom(SECRETARIAT, ANA)).map(
		([m, cancelled, sender]) =>
			(id: string) =>
				announce(id, m, { ...PLENARY, cancelled }, sender),
	),
	fc.tuple(fc.constantFrom(...SENDERS), minute, fc.boolean()).map(
		([s, m, yes]) =>
			(id: string) =>
				attend(id, s, m, yes),
	),
	fc.tuple(minute, fc.constantFrom(SECRETARIAT, ANA)).map(
		([m, sender]) =>
			(id: string) =>
				pollStart(id, m, undefined, sender),
	),
	fc
		.tuple(
			fc.constantFrom(...SENDERS),
			minute,
			fc.constantFrom(...POLLS),
			fc.subarray(['for', 'against', 'abstain', 'maybe']),
			fc.boolean(),
		)
		.map(
			([s, m, poll, answers, trusted]) =>
				(id: string) =>
					vote(id, s, m, poll, answers, trusted ? undefined : UNSIGNED),
		),
	fc.tuple(fc.constantFrom(SECRETARIAT, ANA), minute, fc.constantFrom(...POLLS)).map(
		([s, m, poll]) =>
			(id: string) =>
				endPoll(id, s, m, poll),
	),
	fc.tuple(fc.constantFrom(SECRETARIAT, CARLA), minute).map(
		([s, m]) =>
			(id: string) =>
				message(id, s, m, { type: 'minutes', plenary: PLENARY.id, text: { es: `Acta ${m}` }, decisions: ['$p1' as never] }),
	),
	fc.tuple(fc.constantFrom(...SENDERS), minute, fc.jsonValue()).map(
		([s, m, content]) =>
			(id: string) =>
				arrival(id, s, m, 'm.room.message', content),
	),
);

// Event IDs drawn so that the two poll IDs occur among them.
const events = fc
	.uniqueArray(fc.tuple(fc.constantFrom('$p1', '$p2', '$a', '$b', '$c', '$d', '$e', '$f', '$g', '$h', '$i', '$j', '$k'), event), {
		selector: ([id]) => id,
		maxLength: 13,
	})
	.map((list) => list.map(([id, make]) => make(id)));

describe('foldPlenaries in any order', () => {
	it('gives the same view for every shuffle of the same events', () => {
		fc.assert(
			fc.property(events, fc.array(fc.nat()), (list, keys) => {
				const shuffled = list
					.map((e, i) => ({ e, k: keys[i] ?? i }))
					.sort((a, b) => a.k - b.k)
					.map(({ e }) => e);
				const view = foldPlenaries(list, CONTEXT);
				expect(foldPlenaries(shuffled, CONTEXT)).toEqual(view);
				expect(foldPlenaries([...list].reverse(), CONTEXT)).toEqual(view);
				// Delivered twice (a re-sync): the same view.
				expect(foldPlenaries([...list, ...shuffled], CONTEXT)).toEqual(view);
			}),
			{ numRuns: 1_000 },
		);
	});
});
