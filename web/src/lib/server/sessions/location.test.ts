import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sessionDatabasePath } from './location.ts';

describe('sessionDatabasePath', () => {
	it('lives in web/ beside the federation file by default', () => {
		expect(sessionDatabasePath(undefined, '.data/test/federation.json')).toBe(resolve('.data/test/web/sessions.sqlite'));
	});
	it('lives in ROGATORY_WEB_DATA when set', () => {
		expect(sessionDatabasePath('/srv/rogatory', '.data/test/federation.json')).toBe(join('/srv/rogatory', 'sessions.sqlite'));
	});
	it('is unknown without either', () => {
		expect(sessionDatabasePath(undefined, undefined)).toBeUndefined();
		expect(sessionDatabasePath('  ', undefined)).toBeUndefined();
	});
});
