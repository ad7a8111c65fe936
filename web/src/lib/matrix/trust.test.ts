import { describe, expect, it } from 'vitest';
import { decideTrust, type TrustFacts } from './trust.ts';

const verified: TrustFacts = {
	crossSigningPublished: true,
	deviceCrossSigned: true,
	secretStorageReady: true,
	recoveryKeyExists: true,
	backupVersion: '1',
};

describe('decideTrust', () => {
	it('sends a first sign-in to key setup', () => {
		expect(decideTrust({ ...verified, crossSigningPublished: false, deviceCrossSigned: false, recoveryKeyExists: false })).toEqual({
			kind: 'needs-setup',
		});
	});

	it('calls a new browser unverified, and says whether a recovery key can bring it in', () => {
		expect(decideTrust({ ...verified, deviceCrossSigned: false })).toEqual({ kind: 'unverified', canUseRecoveryKey: true });
		expect(decideTrust({ ...verified, deviceCrossSigned: false, recoveryKeyExists: false })).toEqual({
			kind: 'unverified',
			canUseRecoveryKey: false,
		});
	});

	it('finishes a setup whose recovery key was never stored', () => {
		expect(decideTrust({ ...verified, secretStorageReady: false })).toEqual({ kind: 'needs-setup' });
	});

	it('is verified when signed and recoverable', () => {
		expect(decideTrust(verified)).toEqual({ kind: 'verified', backupVersion: '1' });
	});
});
