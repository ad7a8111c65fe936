import { describe, expect, it } from 'vitest';
import { checkBotConfig, type BotConfigFile } from './config.ts';

const FILE: BotConfigFile = {
	homeserverUrl: 'http://127.0.30.1:38008',
	user: 'rogatory-bridge',
	password: 'p',
};

describe('checkBotConfig', () => {
	it('takes a file with only the required keys', () => {
		expect(checkBotConfig(FILE, ['gt-mp'])).toEqual({ ok: true, value: { config: FILE, warnings: [] } });
		const full = { ...FILE, recoveryKeyFile: '/keys/recovery', servers: { '127.0.30.1': 'gt-mp' } };
		expect(checkBotConfig(full, ['gt-mp'])).toEqual({ ok: true, value: { config: full, warnings: [] } });
	});

	it('names the broken key', () => {
		expect(checkBotConfig({ ...FILE, password: '' }, ['gt-mp'])).toEqual({ ok: false, error: 'password: must be a non-empty string' });
		expect(checkBotConfig({ ...FILE, servers: { 'matrix.example': 7 } }, ['gt-mp'])).toEqual({
			ok: false,
			error: 'servers.matrix.example: must be an authority id',
		});
		expect(checkBotConfig({ ...FILE, servers: { 'matrix.example': 'gt-mp' } }, ['ng-ca'])).toEqual({
			ok: false,
			error: 'servers.matrix.example: "gt-mp" is not an authority of the roster on Rogatory (have: ng-ca)',
		});
	});

	it('takes the passwords of the secretariats it hosts, each a non-empty string', () => {
		const secretariats = { REFCO: 'kept-password' };
		expect(checkBotConfig({ ...FILE, secretariats }, ['gt-mp'])).toEqual({
			ok: true,
			value: { config: { ...FILE, secretariats }, warnings: [] },
		});
		expect(checkBotConfig({ ...FILE, secretariats: { REFCO: '' } }, ['gt-mp'])).toEqual({
			ok: false,
			error: 'secretariats.REFCO: must be a non-empty password',
		});
		expect(checkBotConfig({ ...FILE, secretariats: 'REFCO' }, ['gt-mp'])).toMatchObject({ ok: false });
	});

	it('takes a map of bridges whose accounts are on the server they are given for', () => {
		const bridges = { '127.0.30.1:38448': '@bridge-gt:127.0.30.1:38448' };
		expect(checkBotConfig({ ...FILE, bridges }, ['gt-mp'])).toEqual({ ok: true, value: { config: { ...FILE, bridges }, warnings: [] } });
		expect(checkBotConfig({ ...FILE, bridges: { 'gt.example': '@bridge:sv.example' } }, ['gt-mp'])).toEqual({
			ok: false,
			error: 'bridges.gt.example: must be the user ID of an account on gt.example, such as "@rogatory-bridge:gt.example"',
		});
		expect(checkBotConfig({ ...FILE, bridges: ['x'] }, ['gt-mp'])).toMatchObject({ ok: false });
	});

	it.each([
		['authority', 'gt-mp', 'authority'],
		['registerFile', '/data/register.sqlite', 'paths.register'],
		['secretsDir', '/data/secrets', 'paths.secrets'],
		['undecryptableAfterSeconds', 600, 'bridge.undecryptable_after_seconds'],
		['retrySeconds', 5, 'bridge.retry_seconds'],
		['reminders', { offsetsHours: [24] }, 'reminders'],
	])('refuses an old file carrying %s, naming the key to remove and where it lives now', (key, value, site) => {
		expect(checkBotConfig({ ...FILE, [key]: value }, ['gt-mp'])).toEqual({
			ok: false,
			error: `${key}: the site file's ${site} says this now; remove the key from the bot configuration`,
		});
	});

	it('warns of unknown keys', () => {
		const checked = checkBotConfig({ ...FILE, colour: 'blue' }, ['gt-mp']);
		expect(checked.ok && checked.value.warnings).toEqual(['colour: unknown key, ignored']);
	});
});
