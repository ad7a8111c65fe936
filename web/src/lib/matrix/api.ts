// Everything of this folder that needs matrix-js-sdk at run time, in one
// module for the session layer to import lazily (`await import(...)`): the
// SDK and its crypto are then downloaded only by pages that use them, after
// the page itself has shown.
export { backupCoverage, type BackupCoverage } from './backup-coverage.ts';
export { openClient, type OpenClient, type OpenProblem } from './client.ts';
export { createRecoveryKey, KEY_SETUP_STEPS, setUpKeys, type KeySetupProblem, type RecoveryKey } from './key-setup.ts';
export { recoverWithKey, type BackupOutcome, type RecoveryProblem, type RecoveryStage } from './recovery.ts';
export { closeAndClear, logOut, logOutEverywhere, logOutWithToken, stop } from './sign-out.ts';
export { readTrust, watchTrust, type TrustState } from './trust.ts';
export {
	declineVerification,
	requestOwnVerification,
	restoreBackupWhenKeyArrives,
	SasVerification,
	watchOwnVerificationRequests,
	type SasState,
} from './verification.ts';
