// The one door to matrix-js-sdk in the web app. Everything the app uses of the
// SDK is imported here and nowhere else, so the SDK is loaded through a single
// module path ("Multiple matrix-js-sdk entrypoints detected!" otherwise) and
// only where a module imports this one: pages that do not need Matrix do not
// download it. Files that need only the SDK's types use `import type` from
// here, which costs nothing at run time.
//
// NOTE: the crypto API (recovery keys, isolation modes, verification) is not
// re-exported by the package root; it lives in lib/crypto-api, which is part
// of the same module tree, not a second entry point.
export {
	ClientEvent,
	createClient,
	Direction,
	EventStatus,
	HttpApiEvent,
	IndexedDBStore,
	MatrixEventEvent,
	MemoryCryptoStore,
	Method,
	MemoryStore,
	RoomEvent,
	RoomStateEvent,
	SyncState,
	type AuthDict,
	type ICreateClientOpts,
	type MatrixClient,
	type MatrixEvent,
	type Room,
	type SyncStateData,
	type UIAuthCallback,
} from 'matrix-js-sdk';
export {
	CryptoEvent,
	DecryptionFailureCode,
	decodeRecoveryKey,
	EventShieldReason,
	OnlySignedDevicesIsolationMode,
	VerificationPhase,
	VerificationRequestEvent,
	VerifierEvent,
	type CryptoApi,
	type CryptoCallbacks,
	type EmojiMapping,
	type GeneratedSecretStorageKey,
	type ImportRoomKeyProgressData,
	type KeyBackupRestoreResult,
	type ShowSasCallbacks,
	type VerificationRequest,
	type Verifier,
} from 'matrix-js-sdk/lib/crypto-api/index.js';
export type { SecretStorageKeyDescription } from 'matrix-js-sdk/lib/secret-storage.js';
export { logger as sdkGlobalLogger, type Logger } from 'matrix-js-sdk/lib/logger.js';
