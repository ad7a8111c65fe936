// The public entry point exposes what web/ and bridge/ need.
import { describe, expect, it } from 'vitest';
import * as plenary from './index.ts';

describe('policies/plenary', () => {
	it('exports the parsers, builders, fold, tally and minutes export', () => {
		for (const name of [
			'parsePlenaryContent',
			'buildPlenaryContent',
			'parsePollStart',
			'parsePollResponse',
			'parsePollEnd',
			'parseVoteLink',
			'buildDecisionPoll',
			'buildPollResponse',
			'buildPollEnd',
			'tallyPoll',
			'decide',
			'foldPlenaries',
			'renderMinutes',
		]) {
			expect(typeof plenary[name as keyof typeof plenary]).toBe('function');
		}
		expect(plenary.PLENARY_KEY).toBe('org.rogatory.plenary');
		expect(plenary.PLENARY_VOTE_KEY).toBe('org.rogatory.plenary.vote');
		expect(plenary.POLL_START_TYPE).toBe('org.matrix.msc3381.poll.start');
		expect(plenary.VOTES_NOT_SECRET.en).toMatch(/not secret/);
	});
});
