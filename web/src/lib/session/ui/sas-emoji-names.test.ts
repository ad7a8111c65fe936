import { describe, expect, it } from 'vitest';
import { SAS_EMOJI_NAMES_KNOWN, sasEmojiName } from './sas-emoji-names.ts';

describe('sasEmojiName', () => {
	it('names all 64 SAS emoji, each in every language', () => {
		expect(SAS_EMOJI_NAMES_KNOWN).toHaveLength(64);
		for (const name of SAS_EMOJI_NAMES_KNOWN)
			for (const locale of ['es', 'fr', 'pt', 'ru'] as const) expect(sasEmojiName(name, locale), `${name} in ${locale}`).not.toBe('');
	});

	it('keeps English as is, and an unknown name in English', () => {
		expect(sasEmojiName('Key', 'en')).toBe('Key');
		expect(sasEmojiName('Key', 'ru')).toBe('Ключ');
		expect(sasEmojiName('Kettle', 'fr')).toBe('Kettle');
	});
});
