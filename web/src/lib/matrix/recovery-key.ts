// The recovery key as people handle it: shown in groups of four, typed back
// (by hand, from paper, or pasted from the downloaded file) to prove it was
// kept. Comparison forgives spacing and line breaks, never case: the key is
// base58, where "a" and "A" are different characters.

export const GROUP_SIZE = 4;

/** The key without any whitespace (spaces, line breaks, no-break spaces). */
export function normaliseRecoveryKey(text: string): string {
	return text.replace(/\s+/gu, '');
}

/** The key in groups of four, as shown and as written down. */
export function recoveryKeyGroups(key: string): string[] {
	const compact = normaliseRecoveryKey(key);
	const groups: string[] = [];
	for (let i = 0; i < compact.length; i += GROUP_SIZE) groups.push(compact.slice(i, i + GROUP_SIZE));
	return groups;
}

export type RecoveryKeyCopyProblem =
	| { readonly kind: 'empty' }
	/** What was typed is right so far but stops early. */
	| { readonly kind: 'incomplete'; readonly typedGroups: number; readonly totalGroups: number }
	/** Group `group` (counting from 1) differs; `caseOnly` when only capitals differ. */
	| { readonly kind: 'mismatch'; readonly group: number; readonly caseOnly: boolean }
	| { readonly kind: 'too-long' };

export type RecoveryKeyCopyCheck = { readonly ok: true } | { readonly ok: false; readonly problem: RecoveryKeyCopyProblem };

/** Whether `typed` is the recovery key `expected`; if not, where it goes wrong. */
export function checkRecoveryKeyCopy(expected: string, typed: string): RecoveryKeyCopyCheck {
	const want = normaliseRecoveryKey(expected);
	const got = normaliseRecoveryKey(typed);
	if (got === '') return { ok: false, problem: { kind: 'empty' } };
	if (got === want) return { ok: true };
	const shared = Math.min(want.length, got.length);
	for (let i = 0; i < shared; i++) {
		if (want[i] !== got[i]) {
			const group = Math.floor(i / GROUP_SIZE);
			const start = group * GROUP_SIZE;
			const wantGroup = want.slice(start, start + GROUP_SIZE);
			const gotGroup = got.slice(start, start + GROUP_SIZE);
			return { ok: false, problem: { kind: 'mismatch', group: group + 1, caseOnly: wantGroup.toLowerCase() === gotGroup.toLowerCase() } };
		}
	}
	if (got.length < want.length)
		return {
			ok: false,
			problem: { kind: 'incomplete', typedGroups: Math.floor(got.length / GROUP_SIZE), totalGroups: Math.ceil(want.length / GROUP_SIZE) },
		};
	return { ok: false, problem: { kind: 'too-long' } };
}
