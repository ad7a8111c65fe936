import { describe, expect, it } from 'vitest';
import { foldPlenaries } from '#policies/plenary/index.ts';
import {
	ANA,
	announce,
	attend,
	CARLA,
	CONTEXT,
	endPoll,
	PLENARY,
	pollStart,
	SECRETARIAT,
	vote,
} from '#policies/plenary/testing/fixtures.ts';
import { closedDecisions, decisionsOf, myAttendance, readingLanguage, textIn, wouldDecide } from './decision-view.ts';

const fold = (...events: Parameters<typeof foldPlenaries>[0]) => {
	const record = foldPlenaries(events, CONTEXT).plenaries[0];
	if (record === undefined) throw new Error('no plenary');
	return record;
};

describe('textIn and readingLanguage', () => {
	it('reads the reader’s language when the plenary has it, else its first', () => {
		expect(textIn(PLENARY.title, 'en', PLENARY.languages, 'x')).toBe('REFCO 12th Plenary Meeting');
		expect(textIn(PLENARY.title, 'ru', PLENARY.languages, 'x')).toBe('XII Reunión Plenaria de REFCO');
		expect(textIn({}, 'ru', [], 'fallback')).toBe('fallback');
		expect(readingLanguage('ru', PLENARY.languages)).toBe('es');
		expect(readingLanguage('en', PLENARY.languages)).toBe('en');
	});
});

describe('a record read for the page', () => {
	it('gives each item its decisions, the closed ones for the minutes, and the reader’s attendance', () => {
		const open = fold(announce('$a', 0), attend('$b', ANA, 1, true), attend('$c', CARLA, 2, false), pollStart('$p', 3));
		expect(decisionsOf(open, 'guide').map((d) => d.poll)).toEqual(['$p']);
		expect(decisionsOf(open, 'opening')).toEqual([]);
		expect(closedDecisions(open)).toEqual([]);
		expect(myAttendance(open, ANA)).toBe(true);
		expect(myAttendance(open, CARLA)).toBe(false);
		expect(myAttendance(open, SECRETARIAT)).toBeUndefined();
		const closed = fold(announce('$a', 0), pollStart('$p', 3), endPoll('$e', SECRETARIAT, 4, '$p'));
		expect(closedDecisions(closed)).toEqual(['$p']);
	});

	it('says what an open vote would decide if closed now, by the fold’s rule', () => {
		const base = [announce('$a', 0), pollStart('$p', 1)];
		const one = fold(...base, vote('$v1', ANA, 2, '$p', ['for'])).decisions[0];
		const two = fold(...base, vote('$v1', ANA, 2, '$p', ['for']), vote('$v2', CARLA, 3, '$p', ['against'])).decisions[0];
		const adopted = fold(...base, vote('$v1', ANA, 2, '$p', ['for']), vote('$v2', CARLA, 3, '$p', ['abstain'])).decisions[0];
		if (one === undefined || two === undefined || adopted === undefined) throw new Error('no decision');
		expect(wouldDecide(one)).toBe('no-quorum');
		expect(wouldDecide(two)).toBe('rejected');
		expect(wouldDecide(adopted)).toBe('adopted');
		// And the fold agrees once the secretariat closes it.
		const ended = fold(
			...base,
			vote('$v1', ANA, 2, '$p', ['for']),
			vote('$v2', CARLA, 3, '$p', ['abstain']),
			endPoll('$e', SECRETARIAT, 4, '$p'),
		);
		expect(ended.decisions[0]?.result).toBe('adopted');
	});
});
