// Where this browser's device stands in the account's web of trust
// (ARCHITECTURE.md, decision 5), read from the Rust crypto and decided by a
// pure function: does the account have cross-signing keys at all (else this
// is the first sign-in), is this device signed by them (else it is a new,
// unverified browser), and is the recovery key's secret storage complete.
import { keptSecretStorage } from './kept-secret-storage.ts';
import { ClientEvent, CryptoEvent, type MatrixClient, type MatrixEvent } from './sdk.ts';

export interface TrustFacts {
	/** The account has published cross-signing keys (some device set them up). */
	readonly crossSigningPublished: boolean;
	/** This device carries a valid signature of the account's self-signing key. */
	readonly deviceCrossSigned: boolean;
	/** Secret storage holds the cross-signing keys (and the backup key, when backup is on). */
	readonly secretStorageReady: boolean;
	/** The account has a default secret-storage key: a recovery key exists to be typed in. */
	readonly recoveryKeyExists: boolean;
	/** The key backup version this device writes to, if any. */
	readonly backupVersion: string | null;
}

export type TrustState =
	/** First sign-in (or an account whose recovery key was never finished): create cross-signing and a recovery key. */
	| { readonly kind: 'needs-setup' }
	/** A new browser: it must be brought in with the recovery key (if one exists) or another session. */
	| { readonly kind: 'unverified'; readonly canUseRecoveryKey: boolean }
	| { readonly kind: 'verified'; readonly backupVersion: string | null };

export function decideTrust(facts: TrustFacts): TrustState {
	if (!facts.crossSigningPublished) return { kind: 'needs-setup' };
	if (!facts.deviceCrossSigned) return { kind: 'unverified', canUseRecoveryKey: facts.recoveryKeyExists };
	if (!facts.secretStorageReady) return { kind: 'needs-setup' };
	return { kind: 'verified', backupVersion: facts.backupVersion };
}

function cryptoOf(client: MatrixClient) {
	const crypto = client.getCrypto();
	if (crypto === undefined) throw new Error('the client was started without crypto');
	return crypto;
}

/** The SDK types account data by the events it knows; secret storage's key descriptions are named by their key ID. */
type AccountDataType = Parameters<MatrixClient['getAccountData']>[0];

export interface TrustReading {
	/**
	 * Ask the homeserver for the account's keys first (a /keys/query), so that
	 * a device set up in another browser a moment ago is seen: right after
	 * sign-in, where deciding wrongly would create new keys.
	 */
	readonly fresh?: boolean;
	/**
	 * Read only what this browser kept: the crypto store, and secret storage
	 * from the account data the kept sync holds (kept-secret-storage.ts) — the
	 * homeserver cannot be reached.
	 */
	readonly kept?: boolean;
}

/**
 * With neither `fresh` nor `kept`: what the crypto already knows; the SDK
 * keeps that current from the sync's device-list changes.
 */
async function readFacts(client: MatrixClient, fresh: boolean, kept: boolean): Promise<TrustFacts> {
	const crypto = cryptoOf(client);
	const userId = client.getSafeUserId();
	const deviceId = client.getDeviceId();
	const crossSigningPublished = fresh
		? await crypto.userHasCrossSigningKeys(userId, true)
		: (await crypto.getUserCrossSigningKeys(userId)) !== null;
	const status = deviceId === null ? null : await crypto.getDeviceVerificationStatus(userId, deviceId);
	const backupVersion = await crypto.getActiveSessionBackupVersion();
	const secretStorage = kept
		? keptSecretStorage((type) => client.getAccountData(type as AccountDataType)?.getContent(), { backupInUse: backupVersion !== null })
		: await Promise.all([crypto.isSecretStorageReady(), client.secretStorage.getDefaultKeyId()]).then(([ready, defaultKeyId]) => ({
				ready,
				defaultKeyId,
			}));
	return {
		crossSigningPublished,
		deviceCrossSigned: status?.crossSigningVerified ?? false,
		secretStorageReady: secretStorage.ready,
		recoveryKeyExists: secretStorage.defaultKeyId !== null,
		backupVersion,
	};
}

/**
 * `fresh`: the homeserver is asked unless what this browser knows already
 * says the device is verified. NOTE: a /keys/query only matters where the
 * answer decides whether keys are made (a first sign-in, an unfinished
 * setup); a verified device that reloads decides nothing from it, and the
 * sync's device-list changes bring any later change (watchTrust). So a
 * reload of a verified device sends none of its own, on top of the ones the
 * SDK sends as the session starts.
 */
export async function readTrustFacts(client: MatrixClient, options: TrustReading = {}): Promise<TrustFacts> {
	const kept = options.kept === true;
	const known = await readFacts(client, false, kept);
	if (options.fresh !== true || kept || decideTrust(known).kind === 'verified') return known;
	return readFacts(client, true, false);
}

export async function readTrust(client: MatrixClient, options: TrustReading = {}): Promise<TrustState> {
	return decideTrust(await readTrustFacts(client, options));
}

/**
 * Calls `onChange` when something that may change this device's trust happens:
 * our identity or devices changed (another session verified this one, or
 * cross-signing was reset elsewhere), the key backup changed, or account data
 * of secret storage arrived. NOTE: secret storage is read from the account
 * data the sync delivered, which lags behind what this device just wrote (and
 * behind Synapse's cached sync answers after a quick reload). Returns the
 * unsubscribe function.
 */
/** Account data that secret storage and key backup live in. */
const TRUST_ACCOUNT_DATA = /^m\.(secret_storage\.|cross_signing\.|megolm_backup\.)/;

export function watchTrust(client: MatrixClient, onChange: () => void): () => void {
	const ownDevices = (userIds: string[]): void => {
		if (userIds.includes(client.getSafeUserId())) onChange();
	};
	const ownIdentity = (userId: string): void => {
		if (userId === client.getSafeUserId()) onChange();
	};
	const secretStorage = (event: MatrixEvent): void => {
		if (TRUST_ACCOUNT_DATA.test(event.getType())) onChange();
	};
	client.on(ClientEvent.AccountData, secretStorage);
	client.on(CryptoEvent.DevicesUpdated, ownDevices);
	client.on(CryptoEvent.UserTrustStatusChanged, ownIdentity);
	client.on(CryptoEvent.KeysChanged, onChange);
	client.on(CryptoEvent.KeyBackupStatus, onChange);
	return () => {
		client.off(ClientEvent.AccountData, secretStorage);
		client.off(CryptoEvent.DevicesUpdated, ownDevices);
		client.off(CryptoEvent.UserTrustStatusChanged, ownIdentity);
		client.off(CryptoEvent.KeysChanged, onChange);
		client.off(CryptoEvent.KeyBackupStatus, onChange);
	};
}
