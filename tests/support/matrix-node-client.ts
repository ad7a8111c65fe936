// A logged-in matrix-js-sdk client with Rust crypto, running in Node, for the
// integration tests and the benchmarks. The crypto store is in memory: each
// client is a fresh device, which is what a test wants.
import * as sdk from 'matrix-js-sdk';
import { quietLogger } from './quiet-logger.ts';

export interface NodeAccount {
	readonly userId: string;
	readonly accessToken: string;
	readonly deviceId: string;
	readonly clientUrl: string;
}

/**
 * Creates the client, sets up Rust crypto and waits for the first sync. With
 * `cryptoCallbacks`, the SDK asks them for the secret-storage key (the web
 * app's SecretStorageKeyCache.callbacks, for its key setup and recovery).
 */
export async function startNodeClient(
	account: NodeAccount,
	options: { readonly cryptoCallbacks?: sdk.ICreateClientOpts['cryptoCallbacks'] } = {},
): Promise<sdk.MatrixClient> {
	const client = sdk.createClient({
		baseUrl: account.clientUrl,
		userId: account.userId,
		accessToken: account.accessToken,
		deviceId: account.deviceId,
		logger: quietLogger(`[${account.userId}]`),
		...(options.cryptoCallbacks === undefined ? {} : { cryptoCallbacks: options.cryptoCallbacks }),
	});
	await client.initRustCrypto({ useIndexedDB: false });
	const prepared = new Promise<void>((resolve, reject) => {
		const onSync = (state: sdk.SyncState, _prev: sdk.SyncState | null, data?: sdk.SyncStateData): void => {
			if (state === sdk.SyncState.Prepared) {
				client.off(sdk.ClientEvent.Sync, onSync);
				resolve();
			} else if (state === sdk.SyncState.Error) {
				client.off(sdk.ClientEvent.Sync, onSync);
				reject(new Error(`first sync of ${account.userId} failed: ${String(data?.error)}`));
			}
		};
		client.on(sdk.ClientEvent.Sync, onSync);
	});
	await client.startClient({ initialSyncLimit: 10, lazyLoadMembers: true });
	await prepared;
	return client;
}

/** Cross-signs the client's device (no password asked: a fresh account may upload its first keys without one). */
export async function crossSign(client: sdk.MatrixClient): Promise<void> {
	await client.getCrypto()!.bootstrapCrossSigning({ authUploadDeviceSigningKeys: async (make) => void (await make(null)) });
}

/** Creates a Megolm-encrypted private room and invites the given users. */
export async function createEncryptedRoom(client: sdk.MatrixClient, invite: readonly string[]): Promise<string> {
	const { room_id } = await client.createRoom({
		preset: sdk.Preset.PrivateChat,
		invite: [...invite],
		initial_state: [{ type: 'm.room.encryption', state_key: '', content: { algorithm: 'm.megolm.v1.aes-sha2' } }],
	});
	return room_id;
}

/** Resolves when `client` sees an invitation to `roomId`. */
export function invitedTo(client: sdk.MatrixClient, roomId: string): Promise<void> {
	return new Promise((resolve) => {
		const check = (): boolean => client.getRoom(roomId)?.getMyMembership() === sdk.KnownMembership.Invite;
		if (check()) return resolve();
		const onMember = (): void => {
			if (!check()) return;
			client.off(sdk.RoomMemberEvent.Membership, onMember);
			client.off(sdk.ClientEvent.Room, onMember);
			resolve();
		};
		client.on(sdk.RoomMemberEvent.Membership, onMember);
		client.on(sdk.ClientEvent.Room, onMember);
	});
}

/**
 * Resolves with the first message in `roomId` whose decrypted body passes
 * `match`. An event that fails to decrypt may still be decrypted when its key
 * arrives, so failures are remembered and reported if nothing matched within
 * `withinMs` (a guard against hanging, not a measured timing).
 */
export function decryptedMessage(
	client: sdk.MatrixClient,
	roomId: string,
	match: (body: string) => boolean,
	withinMs = 60_000,
): Promise<sdk.MatrixEvent> {
	return new Promise((resolve, reject) => {
		const failures = new Map<string, string>();
		const stop = (): void => {
			clearTimeout(timer);
			client.off(sdk.MatrixEventEvent.Decrypted, seen);
			client.off(sdk.RoomEvent.Timeline, seen);
		};
		const timer = setTimeout(() => {
			stop();
			const why = [...failures].map(([id, reason]) => `${id}: ${reason}`).join('; ') || 'no undecryptable event either';
			reject(new Error(`${client.getUserId()} saw no matching message in ${roomId} (${why})`));
		}, withinMs);
		function seen(event: sdk.MatrixEvent): void {
			if (event.getRoomId() !== roomId || !event.isEncrypted() || event.isBeingDecrypted()) return;
			const id = event.getId() ?? '?';
			if (event.isDecryptionFailure()) {
				failures.set(id, event.decryptionFailureReason ?? 'unknown');
				return;
			}
			failures.delete(id);
			const body: unknown = event.getContent()['body'];
			if (typeof body === 'string' && match(body)) {
				stop();
				resolve(event);
			}
		}
		client.on(sdk.MatrixEventEvent.Decrypted, seen);
		client.on(sdk.RoomEvent.Timeline, seen);
		for (const event of client.getRoom(roomId)?.getLiveTimeline().getEvents() ?? []) seen(event);
	});
}
