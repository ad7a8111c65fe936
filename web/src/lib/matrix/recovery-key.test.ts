import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRecoveryKeyCopy, normaliseRecoveryKey, recoveryKeyGroups } from './recovery-key.ts';

const KEY = 'EsTc 9gxE kwxT Lnbm BByY bWZp 8o4Z hRQP yhrB TQnF a2Ks C2B1';

describe('recoveryKeyGroups', () => {
	it('groups by four, whatever the spacing', () => {
		expect(recoveryKeyGroups(KEY)).toHaveLength(12);
		expect(recoveryKeyGroups('EsTc9gxE\nkwx')).toEqual(['EsTc', '9gxE', 'kwx']);
	});
});

describe('checkRecoveryKeyCopy', () => {
	it('accepts the key typed with other spacing or line breaks', () => {
		expect(checkRecoveryKeyCopy(KEY, normaliseRecoveryKey(KEY))).toEqual({ ok: true });
		expect(checkRecoveryKeyCopy(KEY, `  ${KEY.replaceAll(' ', '\n')}\u00a0`)).toEqual({ ok: true });
	});

	it('says what is wrong', () => {
		expect(checkRecoveryKeyCopy(KEY, ' ')).toEqual({ ok: false, problem: { kind: 'empty' } });
		expect(checkRecoveryKeyCopy(KEY, 'EsTc 9gxE kw')).toEqual({
			ok: false,
			problem: { kind: 'incomplete', typedGroups: 2, totalGroups: 12 },
		});
		expect(checkRecoveryKeyCopy(KEY, KEY.replace('Lnbm', 'Lnbn'))).toEqual({
			ok: false,
			problem: { kind: 'mismatch', group: 4, caseOnly: false },
		});
		expect(checkRecoveryKeyCopy(KEY, KEY.replace('Lnbm', 'lnbm'))).toEqual({
			ok: false,
			problem: { kind: 'mismatch', group: 4, caseOnly: true },
		});
		expect(checkRecoveryKeyCopy(KEY, `${KEY} x`)).toEqual({ ok: false, problem: { kind: 'too-long' } });
	});

	it('accepts exactly the key, for any key and any spacing', () => {
		const base58 = fc.constantFrom(...'123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz');
		fc.assert(
			fc.property(fc.array(base58, { minLength: 8, maxLength: 60 }), fc.array(base58, { minLength: 1, maxLength: 60 }), (key, other) => {
				const expected = key.join('');
				const spaced = key.map((c, i) => (i % 3 === 0 ? ` ${c}` : c)).join('');
				expect(checkRecoveryKeyCopy(expected, spaced).ok).toBe(true);
				const typed = other.join('');
				expect(checkRecoveryKeyCopy(expected, typed).ok).toBe(typed === expected);
			}),
		);
	});
});
