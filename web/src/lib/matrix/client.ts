// Opens the signed-in person's Matrix client in the browser: matrix-js-sdk
// with Rust crypto in IndexedDB (so a reload keeps the same device and its
// keys), encrypted with this device's storage key (storage-key.ts), the
// MSC4153 isolation mode, the sync state kept between visits (sync-store.ts),
// and the first sync (from what was kept, when there is some: then it opens
// without the homeserver, offline too, and catches up once it answers). Browser only: the routes
// import this module lazily, never during server rendering.
import { err, ok, type Result } from '#policies/result.ts';
import { describeFailure, type Failure } from './failure.ts';
import type { Credentials } from './login.ts';
import { clientOpening, quietenGlobalLogger, quietLogger } from './logger.ts';
import {
	ClientEvent,
	createClient,
	Filter,
	HttpApiEvent,
	MemoryCryptoStore,
	OnlySignedDevicesIsolationMode,
	sdkGlobalLogger,
	SyncState,
	type MatrixClient,
	type SyncStateData,
} from './sdk.ts';
import { SecretStorageKeyCache } from './secret-storage-key-cache.ts';
import { cachingBackupVersion } from './backup-version-cache.ts';
import { EarlyAnswers } from './early-answers.ts';
import { sharingKeysQueries } from './shared-keys-query.ts';
import { openSyncStore } from './sync-store.ts';
import { CRYPTO_DB_PREFIX } from './stored-session.ts';

export interface OpenClient {
	readonly client: MatrixClient;
	/** The secret-storage key cache the client's crypto callbacks read. */
	readonly keys: SecretStorageKeyCache;
}

export type OpenProblem =
	/** The crypto store in this browser belongs to another device or account. */
	| { readonly kind: 'store-mismatch' }
	/** The key of this browser's crypto store is there but does not unwrap: the store cannot be opened. */
	| { readonly kind: 'store-key-unreadable' }
	/** The Rust crypto could not start here (no IndexedDB, no WebAssembly, storage full…). */
	| { readonly kind: 'crypto-unavailable'; readonly detail: string }
	| Failure;

export interface OpenOptions {
	/**
	 * The 32-byte key the crypto store is encrypted with. Undefined only for a
	 * store made before storage keys (store-access.ts): it opens only without.
	 */
	readonly storageKey: Uint8Array | undefined;
	/** The homeserver ended this session (signed out elsewhere, token revoked). */
	readonly onLoggedOut: () => void;
	/** The sync loop lost or regained the homeserver. */
	readonly onConnection?: (connected: boolean) => void;
}

/** Room timelines are fetched when a screen needs them; the first sync only needs to be small. */
const INITIAL_SYNC_LIMIT = 8;

/**
 * What the crypto has queued to send (a new device's keys, then the account's
 * own keys to query) goes now, alongside the first sync, not once it is
 * back: one round trip less before a new device knows where it stands.
 * NOTE: the SDK sends the crypto's queue when a sync completes, through its
 * Rust crypto's sync hook (onSyncCompleted, matrix-js-sdk rust-crypto.ts),
 * which only starts that loop; where a later SDK has no such hook, the sync
 * sends them as before.
 */
function sendQueuedKeys(client: MatrixClient): void {
	const crypto = client.getCrypto() as { onSyncCompleted?: (state: object) => void } | undefined;
	if (typeof crypto?.onSyncCompleted === 'function') crypto.onSyncCompleted({});
}

/**
 * What the client's start waits for, asked while the crypto's WebAssembly
 * may still be downloading: one round trip each less after it on a slow line
 * — the server's versions (the SDK keeps the answer), the push rules (the
 * sync's first step: early-answers.ts) and the sync filter. NOTE: the filter
 * is made under the name the SDK's sync looks it up by ("FILTER_SYNC_" and
 * the user ID, matrix-js-sdk sync.ts); the sync then finds it, with the same
 * definition, in the store. A filter kept from an earlier visit is left to
 * the sync. Resolves to the filter the sync is to use.
 */
async function askAhead(client: MatrixClient, early: EarlyAnswers, credentials: Credentials): Promise<Filter> {
	void client.getVersions().catch(() => undefined);
	early.ask(`${client.getHomeserverUrl().replace(/\/$/, '')}/_matrix/client/v3/pushrules/`, {
		Authorization: `Bearer ${credentials.accessToken}`,
	});
	const filter = new Filter(credentials.userId);
	filter.setLazyLoadMembers(true);
	const name = `FILTER_SYNC_${credentials.userId}`;
	if (client.store.getFilterIdByName(name) === null) await client.getOrCreateFilter(name, filter).catch(() => undefined);
	return filter;
}

export async function openClient(credentials: Credentials, options: OpenOptions): Promise<Result<OpenClient, OpenProblem>> {
	quietenGlobalLogger(sdkGlobalLogger as unknown as Parameters<typeof quietenGlobalLogger>[0]);
	clientOpening();
	const keys = new SecretStorageKeyCache();
	// The last sync kept in this browser: a reload resumes from it (sync-store.ts).
	const store = await openSyncStore();
	const early = new EarlyAnswers((input, init) => globalThis.fetch(input, init));
	const client = createClient({
		store,
		baseUrl: credentials.homeserverUrl,
		userId: credentials.userId,
		deviceId: credentials.deviceId,
		accessToken: credentials.accessToken,
		// NOTE: the browser build's default legacy crypto store would create an
		// IndexedDB of its own only to find nothing to migrate from it.
		cryptoStore: new MemoryCryptoStore(),
		cryptoCallbacks: keys.callbacks,
		// Emoji, and QR codes both ways (shown, scanned) with the reciprocation that completes them (spec: "QR codes").
		verificationMethods: ['m.sas.v1', 'm.qr_code.show.v1', 'm.qr_code.scan.v1', 'm.reciprocate.v1'],
		// No calls in Rogatory: no TURN server polling on slow links.
		disableVoip: true,
		// Identical /keys/query asked at the same moment go out once (shared-keys-query.ts);
		// the key backup's version is asked once for a few seconds (backup-version-cache.ts);
		// what the sync waits for as it starts is asked ahead (early-answers.ts, below).
		fetchFn: sharingKeysQueries(cachingBackupVersion(early.fetch)),
		logger: quietLogger(),
	});
	const filterReady = askAhead(client, early, credentials);
	try {
		await client.initRustCrypto({
			useIndexedDB: true,
			cryptoDatabasePrefix: CRYPTO_DB_PREFIX,
			...(options.storageKey === undefined ? {} : { storageKey: options.storageKey }),
		});
	} catch (error) {
		client.stopClient();
		// NOTE: a start that needed the homeserver and did not reach it says nothing
		// about the store: the sync kept beside it stays for the next try, offline too.
		const failure = describeFailure(error);
		if (failure.kind === 'unreachable') return err(failure);
		// A session whose crypto store cannot be opened keeps no sync state either.
		await store.deleteAllData().catch(() => undefined);
		const detail = error instanceof Error ? error.message : String(error);
		// matrix-sdk-crypto: "the account in the store doesn't match the account in the constructor".
		if (/doesn't match|does not match/i.test(detail)) return err({ kind: 'store-mismatch' });
		return err({ kind: 'crypto-unavailable', detail });
	}
	// MSC4153: room keys go only to cross-signed devices, and messages from
	// devices their owner has not signed are not decrypted. Set before the first
	// sync, on every start (the SDK does not keep it), so no key ever leaves
	// under a laxer rule.
	client.getCrypto()?.setDeviceIsolationMode(new OnlySignedDevicesIsolationMode());
	sendQueuedKeys(client);
	client.on(HttpApiEvent.SessionLoggedOut, () => options.onLoggedOut());

	const firstSync = new Promise<Result<void, Failure>>((resolve) => {
		const onSync = (state: SyncState, _previous: SyncState | null, data?: SyncStateData): void => {
			if (state === SyncState.Prepared || state === SyncState.Syncing) {
				// NOTE: the sync kept in this browser (fromCache) opens the client without a
				// homeserver: the rooms are there to show, offline too; only a sync that
				// went through says the homeserver answers.
				if (data?.fromCache !== true) options.onConnection?.(true);
				resolve(ok(undefined));
			} else if (state === SyncState.Error || state === SyncState.Reconnecting) {
				options.onConnection?.(false);
				const failure = data?.error === undefined ? undefined : describeFailure(data.error);
				// The SDK keeps retrying a lost connection; a refused token it does not.
				if (failure?.kind === 'signed-out-elsewhere') resolve(err(failure));
			}
		};
		client.on(ClientEvent.Sync, onSync);
	});
	try {
		const filter = await filterReady;
		await client.startClient({ initialSyncLimit: INITIAL_SYNC_LIMIT, lazyLoadMembers: true, filter });
	} catch (error) {
		client.stopClient();
		return err(describeFailure(error));
	}
	const synced = await firstSync;
	if (!synced.ok) {
		client.stopClient();
		return synced;
	}
	return ok({ client, keys });
}
