// The public entry point exposes what web/ and bridge/ need.
import { describe, expect, it } from 'vitest';
import * as directory from './index.ts';

describe('policies/directory', () => {
	it('exports the parser, builder, fold, reachability, search and finder', () => {
		for (const name of [
			'parseDirectoryContent',
			'buildDirectoryContent',
			'foldDirectory',
			'editorsOf',
			'departedAccounts',
			'reachability',
			'reachableNow',
			'searchDirectory',
			'findCompetent',
			'pickText',
			'directoryKeeper',
			'directoryAlias',
			'directoryRoomRequest',
			'directoryEditors',
		]) {
			expect(typeof directory[name as keyof typeof directory]).toBe('function');
		}
		expect(directory.DIRECTORY_KEY).toBe('org.rogatory.directory');
		expect(directory.DIRECTORY_VERSION).toBe(1);
	});
});
