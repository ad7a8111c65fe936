import { describe, expect, it } from 'vitest';
import { keepStorage, type PersistentStorage } from './persist-storage.ts';

const manager = (persisted: boolean, grants: boolean | Error): PersistentStorage & { asked: number } => {
	const fake = {
		asked: 0,
		persisted: () => Promise.resolve(persisted),
		persist: () => {
			fake.asked += 1;
			return grants instanceof Error ? Promise.reject(grants) : Promise.resolve(grants);
		},
	};
	return fake;
};

describe('keeping this site’s storage', () => {
	it('is not asked again when already granted', async () => {
		const storage = manager(true, false);
		expect(await keepStorage(storage)).toBe('kept');
		expect(storage.asked).toBe(0);
	});

	it('is asked for, and granted or refused', async () => {
		expect(await keepStorage(manager(false, true))).toBe('kept');
		expect(await keepStorage(manager(false, false))).toBe('refused');
		expect(await keepStorage(manager(false, new Error('SecurityError')))).toBe('refused');
	});

	it('is unsupported without a storage manager', async () => {
		expect(await keepStorage(undefined)).toBe('unsupported');
	});
});
