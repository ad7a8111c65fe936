import { describe, expect, it } from 'vitest';
import { err, ok } from '#policies/result.ts';
import { generateSessionToken, sessionIdOf } from './token.ts';
import { openMatrixToken, sealMatrixToken } from './token-seal.ts';

const token = generateSessionToken();
const binding = { sessionId: sessionIdOf(token), userId: '@carlos.mendez:127.0.20.1:28448', deviceId: 'DEVICE' };
const matrixToken = 'syt_Y2FybG9z_secretsecretsecret_0abcde';

describe('the sealed Matrix token', () => {
	it('opens with the session token and the same binding', () => {
		expect(openMatrixToken(token, binding, sealMatrixToken(token, binding, matrixToken))).toEqual(ok(matrixToken));
	});

	it('holds neither token in the clear, and differs each time it is sealed', () => {
		const a = sealMatrixToken(token, binding, matrixToken);
		const b = sealMatrixToken(token, binding, matrixToken);
		expect(a.equals(b)).toBe(false);
		for (const sealed of [a, b]) {
			expect(sealed.includes(Buffer.from(matrixToken))).toBe(false);
			expect(sealed.includes(Buffer.from(token))).toBe(false);
		}
	});

	it('does not open with the stored session id, another session token, or a rebound row', () => {
		const sealed = sealMatrixToken(token, binding, matrixToken);
		expect(openMatrixToken(binding.sessionId, binding, sealed)).toEqual(err('unreadable'));
		expect(openMatrixToken(generateSessionToken(), binding, sealed)).toEqual(err('unreadable'));
		expect(openMatrixToken(token, { ...binding, userId: '@ana.lopez:127.0.20.1:28448' }, sealed)).toEqual(err('unreadable'));
		expect(openMatrixToken(token, { ...binding, deviceId: 'OTHER' }, sealed)).toEqual(err('unreadable'));
		expect(openMatrixToken(token, { ...binding, deviceId: undefined }, sealed)).toEqual(err('unreadable'));
		expect(openMatrixToken(token, { ...binding, sessionId: sessionIdOf(generateSessionToken()) }, sealed)).toEqual(err('unreadable'));
	});

	it('does not open when any byte was changed, or when cut short', () => {
		const sealed = sealMatrixToken(token, binding, matrixToken);
		for (let i = 0; i < sealed.length; i++) {
			const altered = Buffer.from(sealed);
			altered[i] = (altered[i] ?? 0) ^ 0x01;
			expect(openMatrixToken(token, binding, altered)).toEqual(err('unreadable'));
		}
		expect(openMatrixToken(token, binding, sealed.subarray(0, 29))).toEqual(err('unreadable'));
		expect(openMatrixToken(token, binding, new Uint8Array())).toEqual(err('unreadable'));
	});
});
