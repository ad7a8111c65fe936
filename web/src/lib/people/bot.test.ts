import { describe, expect, it } from 'vitest';
import { botName, isBridgeBot, offersBotVerification } from './bot.ts';

const BOT = '@rogatory-bridge:127.0.20.1:28448';
const ADMIN = '@sofia.herrera:127.0.20.1:28448';

describe('the bridge bot in the web app', () => {
	it('is the account with the bridge localpart, whatever the server', () => {
		expect(isBridgeBot(BOT)).toBe(true);
		expect(isBridgeBot('@rogatory-bridge:matrix.example.ng')).toBe(true);
		expect(isBridgeBot(ADMIN)).toBe(false);
	});

	it('is named after its authority’s country, in the reader’s language', () => {
		expect(botName('GT', 'en')).toBe("Guatemala's Rogatory bot");
		expect(botName('GT', 'es')).toContain('Guatemala');
	});

	it('is offered for verification to an administrator on its own homeserver only', () => {
		expect(offersBotVerification(BOT, ADMIN, true)).toBe(true);
		expect(offersBotVerification(BOT, ADMIN, false)).toBe(false);
		expect(offersBotVerification(BOT, '@ngozi.eze:127.0.20.2:28448', true)).toBe(false);
		expect(offersBotVerification(ADMIN, ADMIN, true)).toBe(false);
		expect(offersBotVerification(BOT, undefined, true)).toBe(false);
	});
});
