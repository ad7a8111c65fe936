import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { AlertPreferenceRow } from './types.ts';
import { batch, must, open, tempDir } from './testing.ts';

const AMINA = '@amina.bello:ng.example';
const row = (version: number, email: string | null, eventId = `$p${version}`): AlertPreferenceRow => ({
	userId: AMINA,
	version,
	email,
	off: ['new-requests'],
	eventId,
	sentAt: version,
});

describe('people’s own alert settings in the register', () => {
	let dir = tempDir();
	afterEach(() => {
		dir.cleanup();
		dir = tempDir();
	});
	afterAll(() => dir.cleanup());

	it('keeps one row per person, the newest version: a flood is one row, an older one replayed changes nothing', () => {
		const register = open(dir.file('r.sqlite'));
		must(
			register.ingest({ ...batch([]), alertPreferences: [row(5, 'a@mail.example'), row(7, 'b@mail.example'), row(6, 'c@mail.example')] }),
		);
		must(register.ingest({ ...batch([], 's2'), alertPreferences: [row(5, 'a@mail.example')] }));
		must(register.ingest({ ...batch([], 's3'), alertPreferences: [row(7, 'replay@mail.example', '$other')] }));
		expect(must(register.preferences.all())).toEqual([row(7, 'b@mail.example')]);
		expect(must(register.preferences.versionOf(AMINA))).toBe(7);
		expect(must(register.preferences.versionOf('@nobody:ng.example'))).toBeUndefined();
		must(register.ingest({ ...batch([], 's4'), alertPreferences: [{ ...row(9, null), off: [] }] }));
		expect(must(register.preferences.all())).toEqual([{ ...row(9, null), off: [] }]);
		register.close();
	});

	it('refuses a batch whose setting is malformed, writing none of it', () => {
		const register = open(dir.file('r.sqlite'));
		const bad = register.ingest({ ...batch([]), alertPreferences: [{ ...row(1, 'a@mail.example'), version: -1 }] });
		expect(bad.ok).toBe(false);
		expect(must(register.preferences.all())).toEqual([]);
		register.close();
	});
});
