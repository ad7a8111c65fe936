import { describe, expect, it } from 'vitest';
import { knocksInChunk } from './knocks.ts';

describe('knocksInChunk', () => {
	it('keeps the knocks and their reasons, and skips anything else', () => {
		const member = (stateKey: unknown, content: unknown) => ({ type: 'm.room.member', state_key: stateKey, content });
		expect(
			knocksInChunk({
				chunk: [
					member('@a:x', { membership: 'knock', reason: 'We joined.' }),
					member('@b:x', { membership: 'knock' }),
					member('@c:x', { membership: 'join' }),
					member(7, { membership: 'knock' }),
					{ type: 'm.room.name', state_key: '', content: { membership: 'knock' } },
					member('@d:x', { membership: 'knock', reason: 42 }),
					null,
				],
			}),
		).toEqual([
			{ userId: '@a:x', reason: 'We joined.' },
			{ userId: '@b:x', reason: undefined },
			{ userId: '@d:x', reason: undefined },
		]);
		expect(knocksInChunk(undefined)).toEqual([]);
		expect(knocksInChunk({ chunk: 'x' })).toEqual([]);
	});
});
