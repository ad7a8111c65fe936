import { describe, expect, it } from 'vitest';
import { decideUserTrust } from './user-trust.ts';

const facts = { known: true, verified: false, wasVerified: false, needsApproval: false };

describe('decideUserTrust', () => {
	it('says verified only for an identity verified now', () => {
		expect(decideUserTrust({ ...facts, verified: true, wasVerified: true })).toBe('verified');
	});

	it('warns when a verified identity was replaced, or a pinned one changed', () => {
		expect(decideUserTrust({ ...facts, wasVerified: true })).toBe('changed');
		expect(decideUserTrust({ ...facts, needsApproval: true })).toBe('changed');
	});

	it('tells a known unverified person from one this browser has no keys for', () => {
		expect(decideUserTrust(facts)).toBe('unverified');
		expect(decideUserTrust({ ...facts, known: false })).toBe('unknown');
	});
});
