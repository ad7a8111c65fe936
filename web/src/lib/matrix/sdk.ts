// The one door to matrix-js-sdk in the web app. Everything the app uses of the
// SDK is imported here and nowhere else, so the SDK is loaded through one
// set of module paths and only where a module imports this one: pages that
// do not need Matrix do not download it. Each import names the SDK module
// that defines it, never the package root, which imports every module the
// package has (150 KB more over the line, issue 11). Files that need only the SDK's types use `import type` from
// here, which costs nothing at run time.
//
// NOTE: the crypto API (recovery keys, isolation modes, verification) is not
// re-exported by the package root; it lives in lib/crypto-api, which is part
// of the same module tree, not a second entry point.
import { MatrixClient, type ICreateClientOpts } from 'matrix-js-sdk/lib/client.js';
import { MatrixScheduler } from 'matrix-js-sdk/lib/scheduler.js';

export { ClientEvent, type ICreateClientOpts, type MatrixClient } from 'matrix-js-sdk/lib/client.js';
export { Direction } from 'matrix-js-sdk/lib/models/event-timeline.js';
export type { EventTimelineSet } from 'matrix-js-sdk/lib/models/event-timeline-set.js';
export { EventStatus } from 'matrix-js-sdk/lib/models/event-status.js';
export { Filter } from 'matrix-js-sdk/lib/filter.js';
export { MatrixEventEvent, type MatrixEvent } from 'matrix-js-sdk/lib/models/event.js';
export { HttpApiEvent } from 'matrix-js-sdk/lib/http-api/interface.js';
export { Method } from 'matrix-js-sdk/lib/http-api/method.js';
export { IndexedDBStore } from 'matrix-js-sdk/lib/store/indexeddb.js';
export { MemoryStore } from 'matrix-js-sdk/lib/store/memory.js';
export { MemoryCryptoStore } from 'matrix-js-sdk/lib/crypto/store/memory-crypto-store.js';
export { RoomEvent, type Room } from 'matrix-js-sdk/lib/models/room.js';
export { RoomStateEvent } from 'matrix-js-sdk/lib/models/room-state.js';
export { SyncState, type ISyncStateData as SyncStateData } from 'matrix-js-sdk/lib/sync.js';
export type { AuthDict, UIAuthCallback } from 'matrix-js-sdk/lib/interactive-auth.js';

/**
 * A client as the package root's createClient makes one, without the root:
 * it would bring every module the package has (widgets, group calls,
 * OAuth, sliding sync…) to every signed-in page. The app always gives its
 * own store and crypto store; the scheduler is the package's default.
 */
export function createClient(options: ICreateClientOpts & Required<Pick<ICreateClientOpts, 'store' | 'cryptoStore'>>): MatrixClient {
	return new MatrixClient({ ...options, scheduler: options.scheduler ?? new MatrixScheduler() });
}
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
	type ShowQrCodeCallbacks,
	type ShowSasCallbacks,
	type UserVerificationStatus,
	type VerificationRequest,
	type Verifier,
} from 'matrix-js-sdk/lib/crypto-api/index.js';
export type { SecretStorageKeyDescription } from 'matrix-js-sdk/lib/secret-storage.js';
export { logger as sdkGlobalLogger, type Logger } from 'matrix-js-sdk/lib/logger.js';
