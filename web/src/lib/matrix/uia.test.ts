import { describe, expect, it } from 'vitest';
import type { AuthDict } from './sdk.ts';
import { passwordAuth, passwordCompletes, uiaChallengeOf, UiaCancelledError } from './uia.ts';

function challenge(session = 'S1') {
	return Object.assign(new Error('401'), {
		httpStatus: 401,
		data: { session, flows: [{ stages: ['m.login.password'] }, { stages: ['m.login.sso'] }] },
	});
}

describe('uiaChallengeOf', () => {
	it('reads the 401 body and refuses anything else', () => {
		expect(uiaChallengeOf(challenge())).toEqual({ session: 'S1', flows: [{ stages: ['m.login.password'] }, { stages: ['m.login.sso'] }] });
		expect(uiaChallengeOf(Object.assign(new Error('403'), { httpStatus: 403, data: {} }))).toBeUndefined();
		expect(uiaChallengeOf(new Error('x'))).toBeUndefined();
	});

	it('knows whether the password alone completes a flow', () => {
		expect(passwordCompletes({ session: 'S', flows: [{ stages: ['m.login.password', 'm.login.email.identity'] }] })).toBe(false);
		expect(passwordCompletes({ session: 'S', flows: [{ stages: ['m.login.password'] }] })).toBe(true);
	});
});

describe('passwordAuth', () => {
	it('sends nothing when the server asks for nothing (MSC3967), and never asks for the password', async () => {
		const sent: (AuthDict | null)[] = [];
		const auth = passwordAuth<string>('@a:x', () => Promise.reject(new Error('must not ask')));
		expect(await auth((dict) => (sent.push(dict), Promise.resolve('done')))).toBe('done');
		expect(sent).toEqual([null]);
	});

	it('answers a challenge with the password, asking again when it is refused', async () => {
		const sent: (AuthDict | null)[] = [];
		const asked: boolean[] = [];
		const passwords = ['wrong', 'right'];
		const auth = passwordAuth<string>('@a:x', ({ wrongPassword }) => (asked.push(wrongPassword), Promise.resolve(passwords.shift())));
		const result = await auth((dict) => {
			sent.push(dict);
			if (dict === null) return Promise.reject(challenge('S1'));
			return (dict as { password: string }).password === 'right' ? Promise.resolve('done') : Promise.reject(challenge('S2'));
		});
		expect(result).toBe('done');
		expect(asked).toEqual([false, true]);
		expect(sent).toEqual([
			null,
			{ type: 'm.login.password', identifier: { type: 'm.id.user', user: '@a:x' }, password: 'wrong', session: 'S1' },
			{ type: 'm.login.password', identifier: { type: 'm.id.user', user: '@a:x' }, password: 'right', session: 'S2' },
		]);
	});

	it('stops when the person gives up', async () => {
		const auth = passwordAuth<string>('@a:x', () => Promise.resolve(undefined));
		await expect(auth(() => Promise.reject(challenge()))).rejects.toBeInstanceOf(UiaCancelledError);
	});
});
