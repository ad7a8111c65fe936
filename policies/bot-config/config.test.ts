import { describe, expect, it } from 'vitest';
import { checkBotConfig, type BotConfigFile } from './config.ts';

const FILE: BotConfigFile = {
	homeserverUrl: 'http://127.0.30.1:38008',
	user: 'rogatory-bridge',
	password: 'p',
	registerFile: '/data/register.sqlite',
	secretsDir: '/data/secrets',
	authority: 'gt-mp',
};

describe('checkBotConfig', () => {
	it('takes a file with only the required keys and fills in the defaults', () => {
		expect(checkBotConfig(FILE, ['gt-mp'])).toEqual({
			ok: true,
			value: { config: { ...FILE, undecryptableAfterSeconds: 600, retrySeconds: 5 }, warnings: [] },
		});
	});

	it('names the broken key', () => {
		expect(checkBotConfig({ ...FILE, secretsDir: '' }, ['gt-mp'])).toEqual({ ok: false, error: 'secretsDir: must be a non-empty string' });
		expect(checkBotConfig({ ...FILE, retrySeconds: -1 }, ['gt-mp'])).toEqual({
			ok: false,
			error: 'retrySeconds: must be a number of seconds (0 or more)',
		});
		expect(checkBotConfig({ ...FILE, servers: { 'matrix.example': 7 } }, ['gt-mp'])).toEqual({
			ok: false,
			error: 'servers.matrix.example: must be an authority id',
		});
		expect(checkBotConfig(FILE, ['ng-ca'])).toEqual({ ok: false, error: 'authority: "gt-mp" is not in the roster (have: ng-ca)' });
	});

	it('warns of unknown keys and passes the reminders on unread', () => {
		const checked = checkBotConfig({ ...FILE, colour: 'blue', reminders: { offsetsHours: [24] } }, ['gt-mp']);
		expect(checked.ok && checked.value.warnings).toEqual(['colour: unknown key, ignored']);
		expect(checked.ok && checked.value.config.reminders).toEqual({ offsetsHours: [24] });
	});
});
