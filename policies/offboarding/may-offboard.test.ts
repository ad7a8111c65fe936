import { describe, expect, it } from 'vitest';
import { mayOffboard } from './may-offboard.ts';

const admin = { userId: '@admin:gt-mp.test', serverName: 'gt-mp.test' };

describe('whom an administrator may offboard', () => {
	it('allows a person of their own homeserver whom the people file or the homeserver knows', () => {
		expect(mayOffboard(admin, { userId: '@ana:gt-mp.test', inPeopleFile: true, accountExists: false }).ok).toBe(true);
		expect(mayOffboard(admin, { userId: '@ana:gt-mp.test', inPeopleFile: false, accountExists: true }).ok).toBe(true);
	});

	it('refuses a person of another homeserver, whatever else is true', () => {
		expect(mayOffboard(admin, { userId: '@ana:sv-fgr.test', inPeopleFile: true, accountExists: true })).toEqual({
			ok: false,
			error: 'other-authority',
		});
		expect(mayOffboard(admin, { userId: 'ana', inPeopleFile: true, accountExists: true })).toEqual({ ok: false, error: 'other-authority' });
	});

	it('refuses the administrator themselves', () => {
		expect(mayOffboard(admin, { userId: admin.userId, inPeopleFile: true, accountExists: true })).toEqual({ ok: false, error: 'self' });
	});

	it('refuses someone neither the people file nor the homeserver knows', () => {
		expect(mayOffboard(admin, { userId: '@ghost:gt-mp.test', inPeopleFile: false, accountExists: false })).toEqual({
			ok: false,
			error: 'unknown-person',
		});
	});
});
