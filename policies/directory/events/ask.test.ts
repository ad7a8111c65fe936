import { describe, expect, it } from 'vitest';
import { buildDirectoryAsk, DIRECTORY_ASK_KEY, isDirectoryAsk } from './ask.ts';
import { DIRECTORY_KEY } from './namespace.ts';

describe('a device’s ask for the directory entries', () => {
	it('is a notice that carries only its key, and reads back as an ask', () => {
		const content = buildDirectoryAsk();
		expect(isDirectoryAsk(content)).toBe(true);
		expect(content['msgtype']).toBe('m.notice');
		expect(Object.keys(content).sort()).toEqual([DIRECTORY_ASK_KEY, 'body', 'm.mentions', 'msgtype'].sort());
		expect(DIRECTORY_KEY in content).toBe(false);
	});

	it('is not read from anything else', () => {
		for (const content of [
			null,
			'ask',
			[],
			{},
			{ [DIRECTORY_ASK_KEY]: true },
			{ [DIRECTORY_ASK_KEY]: [] },
			{ [DIRECTORY_ASK_KEY]: { version: 2 } },
			{ [DIRECTORY_ASK_KEY]: { version: '1' } },
			{ [DIRECTORY_KEY]: { version: 1 } },
		])
			expect(isDirectoryAsk(content), JSON.stringify(content)).toBe(false);
	});
});
