import { describe, expect, it } from 'vitest';
import { registrationMac } from './registration-mac.ts';

// Expected values computed independently with Python's hmac module, the way
// Synapse's UserRegisterServlet computes them (hmac.new(secret, sha1) fed
// nonce, b"\x00", username, b"\x00", password, b"\x00", b"admin"/b"notadmin").
describe('registrationMac', () => {
	it('matches Synapse for an ordinary user with non-ASCII password', () => {
		expect(registrationMac('shared-secret-for-tests', 'abc123', 'ana.lopez', 'pässwörd', false)).toBe(
			'05b4811b31a162599f9aac7cb95db6616b4953a8',
		);
	});

	it('matches Synapse for an admin', () => {
		expect(registrationMac('shared-secret-for-tests', 'abc123', 'rogatory-admin', 'hunter2', true)).toBe(
			'5ae566923f897f32580fc167b2dc6f527ab7ab7d',
		);
	});
});
