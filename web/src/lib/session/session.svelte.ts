// View model of "who is signed in in this browser": resumes the stored
// session at page load, opens a new one after sign-in, keeps this device's
// trust state current, and signs out. It owns the one Matrix client of the
// page; flows (key setup, recovery, verification) borrow it. Once the client
// opens, it makes sure the web server holds a session for the same user
// (server-session.ts), and ends that one too at sign-out — or, signing out
// everywhere, every web session of the user and every Matrix device of the
// account. The crypto store is opened with this device's storage key; a
// store made before storage keys is opened without one and flagged
// (unprotectedStore) until the person replaces this device
// (protect-keys.svelte.ts). The SDK is imported lazily, so pages that only
// show a form do not download it.
import { err, ok, type Result } from '#policies/result.ts';
import type { BackupCoverage, OpenClient, OpenProblem, TrustState } from '../matrix/api.ts';
import { describeFailure, type Failure } from '../matrix/failure.ts';
import type { Credentials } from '../matrix/login.ts';
import type { UserId } from '#policies/cases/index.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { createStorageKey, type StorageKeyPlatform } from '../matrix/storage-key.ts';
import { storeAccessFor } from '../matrix/store-access.ts';
import { clearSigningOut, markSigningOut, signedOutByAnotherTab, SIGNING_OUT_KEY } from './signing-out.ts';
import { forgetSession, loadSession, saveSession, SESSION_KEY, type KeyValueStore } from '../matrix/stored-session.ts';
import type { BrowserData } from './browser-data.ts';
import type { ServerSessionApi } from './server-session.ts';
import { Verifications } from './verification.svelte.ts';

export type SessionPhase =
	/** Not looked at yet (server rendering, or before the page mounted). */
	| { readonly kind: 'idle' }
	| { readonly kind: 'signed-out'; readonly reason: SignedOutReason | undefined }
	/**
	 * Starting the crypto (the WASM may still be downloading) and the first
	 * sync. `first`: a new device, its keys made now and nothing kept yet (the
	 * slow "first time"); else a session this browser already holds.
	 */
	| { readonly kind: 'opening'; readonly userId: UserId; readonly first: boolean }
	| { readonly kind: 'open'; readonly userId: UserId; readonly deviceId: string; readonly trust: TrustState }
	| { readonly kind: 'failed'; readonly userId: UserId; readonly problem: OpenProblem };

export type SignedOutReason =
	/** The person signed out here, just now. */
	| 'signed-out'
	/** The homeserver no longer accepts this browser's session (signed out from another device, or by an administrator). */
	| 'ended-elsewhere'
	/** Signed out in another tab of this browser. */
	| 'other-tab'
	/** What this browser had stored could not be read (an older version, damaged). */
	| 'unreadable'
	/** Signed out to replace a device whose crypto store was unprotected: sign in again, with the recovery key at hand. */
	| 'protect-keys';

/** The web server's session for this browser: asked for once the Matrix client opens. */
export type ServerSessionPhase = 'none' | 'pending' | 'ready' | 'failed';

type MatrixApi = typeof import('../matrix/api.ts');

const STORAGE_KEY_UNAVAILABLE: OpenProblem = {
	kind: 'crypto-unavailable',
	detail: 'the storage key of the crypto store could not be kept (IndexedDB or WebCrypto refused)',
};

export interface SessionPlatform {
	readonly storage: KeyValueStore;
	readonly browserData: () => BrowserData;
	readonly wipe: (data: BrowserData, onBlocked: () => void) => Promise<void>;
	readonly matrix: () => Promise<MatrixApi>;
	/** Where the crypto store's storage key lives (IndexedDB and WebCrypto). */
	readonly storageKeys: StorageKeyPlatform;
	/** The web server's session; without it (tests) none is made. */
	readonly server?: ServerSessionApi;
}

export class Session {
	readonly #platform: SessionPlatform;
	#phase = $state<SessionPhase>({ kind: 'idle' });
	#connected = $state(true);
	#wipeBlocked = $state(false);
	#server = $state<ServerSessionPhase>('none');
	/** The open store was made before storage keys and is not encrypted (see protect-keys.svelte.ts). */
	#unprotected = $state(false);
	/** The person chose to protect the store later (for as long as this page lives). */
	#protectLater = $state(false);
	#open: OpenClient | undefined;
	#verifications = $state<Verifications | undefined>();
	#unwatch: (() => void) | undefined;
	#starting: Promise<void> | undefined;
	/** While this tab signs out, the homeserver's "unknown token" is its own doing, not a sign-out from elsewhere. */
	#signingOut = false;
	/** Trust reads overlap when events come in bursts; only the latest one counts. */
	#trustRound = 0;
	/** Key operations in progress; trust is not read meanwhile (see changingKeys). */
	#changingKeys = 0;
	/**
	 * The trust shown was read from this browser's crypto store only (opened
	 * without the homeserver): it is read again from the homeserver once the
	 * connection returns (see #trustAtOpen).
	 */
	#trustFromStore = false;
	/** Waiting for the sync to say the homeserver cannot be reached (see #trustAtOpen). */
	#onConnectionLost: (() => void)[] = [];
	/**
	 * The password typed at sign-in, kept in memory only while a first key
	 * setup may need it (a homeserver that asks for it to upload cross-signing
	 * keys); dropped as soon as the device is verified or the session ends.
	 */
	#password: string | undefined;

	constructor(platform: SessionPlatform) {
		this.#platform = platform;
	}

	get phase(): SessionPhase {
		return this.#phase;
	}

	/** False while the sync loop cannot reach the homeserver (it keeps trying). */
	get connected(): boolean {
		return this.#connected;
	}

	/** True while another tab keeps a database open that sign-out needs to delete. */
	get wipeBlocked(): boolean {
		return this.#wipeBlocked;
	}

	/** Whether this device's crypto store is one made before storage keys, unencrypted in this browser. */
	get unprotectedStore(): boolean {
		return this.#phase.kind === 'open' && this.#unprotected;
	}

	/** Whether the pages should first ask the person to protect this browser's keys. */
	get asksToProtect(): boolean {
		return this.unprotectedStore && !this.#protectLater;
	}

	/** "Not now": the pages go on with the unprotected store until the page is loaded again. */
	protectLater(): void {
		this.#protectLater = true;
	}

	/** How many message keys held in this browser are not in the key backup (while open). */
	async backupCoverage(): Promise<Result<BackupCoverage, Failure>> {
		const open = this.#open;
		if (open === undefined) return err({ kind: 'unexpected', detail: 'no open session' });
		const matrix = await this.#platform.matrix();
		return matrix.backupCoverage(open.client);
	}

	/** Whether the web server holds a session for the signed-in user (pages it serves need one, e.g. the register). */
	get serverSession(): ServerSessionPhase {
		return this.#server;
	}

	/** The open client and its secret-storage key cache, for the flows; undefined unless open. */
	get matrix(): OpenClient | undefined {
		return this.#phase.kind === 'open' ? this.#open : undefined;
	}

	/** Emoji verification with the person's other sessions, while open. */
	get verifications(): Verifications | undefined {
		return this.#phase.kind === 'open' ? this.#verifications : undefined;
	}

	get client(): MatrixClient | undefined {
		return this.matrix?.client;
	}

	/** The password typed at sign-in, if still held (see #password). */
	get signInPassword(): string | undefined {
		return this.#password;
	}

	/** Resumes the session stored in this browser, once per page; later calls wait for the first. */
	resume(): Promise<void> {
		this.#starting ??= this.#resume();
		return this.#starting;
	}

	async #resume(): Promise<void> {
		if (this.#phase.kind !== 'idle') return;
		const stored = loadSession(this.#platform.storage);
		if (!stored.ok) {
			if (stored.error === 'unreadable') await this.#wipe();
			this.#phase = { kind: 'signed-out', reason: stored.error === 'unreadable' ? 'unreadable' : undefined };
			return;
		}
		const access = await storeAccessFor(this.#platform.storageKeys, stored.value);
		switch (access.kind) {
			case 'keyed':
				return this.#openWith(stored.value, access.key, false);
			case 'unprotected':
				return this.#openWith(stored.value, undefined, false);
			case 'key-unreadable':
				this.#phase = { kind: 'failed', userId: stored.value.userId, problem: { kind: 'store-key-unreadable' } };
				return;
			case 'unavailable':
				this.#phase = { kind: 'failed', userId: stored.value.userId, problem: STORAGE_KEY_UNAVAILABLE };
				return;
		}
	}

	/**
	 * Starts the session that sign-in just created. Whatever an earlier account
	 * left in this browser is wiped first: its crypto store cannot serve a new
	 * device, and it is not the new person's to see.
	 */
	async begin(credentials: Credentials, password: string): Promise<void> {
		await this.#close();
		await this.#wipe();
		saveSession(this.#platform.storage, credentials);
		this.#password = password;
		// A new device: its store starts encrypted under a key made for it now.
		const key = await createStorageKey(this.#platform.storageKeys, credentials);
		if (!key.ok) {
			this.#phase = { kind: 'failed', userId: credentials.userId, problem: STORAGE_KEY_UNAVAILABLE };
			return;
		}
		this.#starting = this.#openWith(credentials, key.value, true);
		await this.#starting;
		if (this.#phase.kind === 'open' && this.#phase.trust.kind !== 'needs-setup') this.#password = undefined;
	}

	async #openWith(credentials: Credentials, storageKey: Uint8Array | undefined, first: boolean): Promise<void> {
		this.#phase = { kind: 'opening', userId: credentials.userId, first };
		const matrix = await this.#platform.matrix();
		const opened = await matrix.openClient(credentials, {
			storageKey,
			onLoggedOut: () => void this.#endedElsewhere(),
			onConnection: (connected) => this.#connection(connected),
		});
		if (!opened.ok) {
			if (opened.error.kind === 'signed-out-elsewhere') return this.#endedElsewhere();
			this.#phase = { kind: 'failed', userId: credentials.userId, problem: opened.error };
			return;
		}
		this.#open = opened.value;
		this.#unprotected = storageKey === undefined;
		void this.#ensureServerSession(opened.value, credentials);
		this.#unwatch = matrix.watchTrust(opened.value.client, () => void this.refreshTrust());
		this.#verifications = new Verifications({
			open: opened.value,
			matrix,
			canVouch: () => this.#phase.kind === 'open' && this.#phase.trust.kind === 'verified',
			finished: async () => void (await this.refreshTrust()),
		});
		let trust: TrustState;
		try {
			trust = await this.#trustAtOpen(matrix, opened.value.client);
		} catch (error) {
			this.#phase = { kind: 'failed', userId: credentials.userId, problem: describeFailure(error) };
			return;
		}
		this.#phase = { kind: 'open', userId: credentials.userId, deviceId: credentials.deviceId, trust };
	}

	/**
	 * This device's trust as the session opens: asked of the homeserver (a
	 * fresh read, so a device set up elsewhere a moment ago is seen), unless
	 * the sync says the homeserver cannot be reached — offline, the client
	 * opens from the sync kept in this browser, and the crypto store and the
	 * kept account data know what the last visit knew. That read is replaced by a fresh one when the
	 * connection returns. NOTE: the SDK may retry the fresh read's /keys/query
	 * for a while before it fails; the lost connection does not wait for that.
	 */
	async #trustAtOpen(matrix: MatrixApi, client: MatrixClient): Promise<TrustState> {
		// An answer that never came (no network, the homeserver down) counts as a lost connection.
		const fresh = matrix.readTrust(client, { fresh: true }).catch((error: unknown) => {
			if (describeFailure(error).kind === 'unreachable') return 'lost' as const;
			throw error;
		});
		const lost = new Promise<'lost'>((resolve) => {
			if (!this.#connected) resolve('lost');
			else this.#onConnectionLost.push(() => resolve('lost'));
		});
		const first = await Promise.race([fresh, lost]);
		this.#onConnectionLost = [];
		if (first !== 'lost') return first;
		fresh.catch(() => undefined);
		this.#trustFromStore = true;
		// NOTE: a failed fresh read may come before the sync says the connection is lost: that is said here too.
		this.#connected = false;
		return matrix.readTrust(client, { kept: true });
	}

	/** The sync lost or regained the homeserver: said on the page; a trust read from the store alone is read again. */
	#connection(connected: boolean): void {
		if (!connected) for (const lost of this.#onConnectionLost.splice(0)) lost();
		if (connected === this.#connected) return;
		this.#connected = connected;
		if (!connected) return;
		if (this.#trustFromStore && this.#phase.kind === 'open') void this.refreshTrust({ fresh: true });
		// NOTE: once per return of the connection, not on every sync: a server that refuses is not asked again and again.
		if (this.#server === 'failed') void this.renewServerSession();
	}

	/**
	 * Makes sure again that the web server holds a session for this user: the
	 * server may have ended it while the page stayed open (its lifetime ran
	 * out, or a re-check could not confirm it). A Matrix token that still
	 * works makes a new one; a refused one does not.
	 */
	async renewServerSession(): Promise<void> {
		const open = this.#open;
		const stored = loadSession(this.#platform.storage);
		if (open === undefined || !stored.ok) return;
		await this.#ensureServerSession(open, stored.value);
	}

	async #ensureServerSession(open: OpenClient, credentials: Credentials): Promise<void> {
		const server = this.#platform.server;
		if (server === undefined) return;
		this.#server = 'pending';
		const made = await server.ensure(credentials);
		// The session ended (or another began) while the server answered.
		if (this.#open !== open) return;
		this.#server = made ? 'ready' : 'failed';
	}

	/** Reads this device's trust again (after key setup, recovery or verification). */
	async refreshTrust(options: { readonly fresh?: boolean } = {}): Promise<TrustState | undefined> {
		const open = this.#open;
		const phase = this.#phase;
		// NOTE: not while signing out: a read that reaches the homeserver after the
		// logout gets 401 for the revoked token.
		if (open === undefined || phase.kind !== 'open' || this.#changingKeys > 0 || this.#signingOut) return undefined;
		const round = ++this.#trustRound;
		const matrix = await this.#platform.matrix();
		let trust: TrustState;
		try {
			trust = await matrix.readTrust(open.client, options);
		} catch {
			// Keep what was known; the next change reads again.
			return undefined;
		}
		// A later read started meanwhile, or the session ended while we asked.
		if (round !== this.#trustRound || this.#open !== open || this.#phase.kind !== 'open') return undefined;
		if (options.fresh === true) this.#trustFromStore = false;
		if (JSON.stringify(trust) !== JSON.stringify(this.#phase.trust)) this.#phase = { ...this.#phase, trust };
		if (trust.kind === 'verified') this.#password = undefined;
		return trust;
	}

	/**
	 * Runs a key operation (setup, recovery, reset) without reading trust
	 * meanwhile, then reads it. NOTE: reading trust can make a /keys/query; one
	 * answered between the SDK making new cross-signing keys and uploading them
	 * (while the homeserver asks for the password) names the old keys, and the
	 * crypto then drops the new private ones.
	 */
	async changingKeys<T>(operation: () => Promise<T>): Promise<T> {
		this.#changingKeys += 1;
		try {
			return await operation();
		} finally {
			this.#changingKeys -= 1;
			await this.refreshTrust();
		}
	}

	/**
	 * Signs out: ends the session on the homeserver, then deletes everything
	 * this browser holds. With `everywhere`, first every web session of the
	 * user on this server, then every Matrix session of the account (POST
	 * /logout/all: other browsers, phones, other apps). With
	 * `evenIfUnreachable`, a homeserver that cannot be reached does not stop
	 * the wipe (the device — or, everywhere, every device — then stays signed
	 * in on the server until removed from another session).
	 */
	async signOut(
		options: { readonly evenIfUnreachable?: boolean; readonly everywhere?: boolean; readonly reason?: 'signed-out' | 'protect-keys' } = {},
	): Promise<Result<void, Failure>> {
		this.#signingOut = true;
		await markSigningOut(this.#platform.storage);
		try {
			const loggedOut = options.everywhere === true ? await this.#logOutEverywhere() : await this.#logOutHere();
			if (!loggedOut.ok && !options.evenIfUnreachable) return err(loggedOut.error);
			// Other tabs see the session go (a storage event) and close their clients.
			forgetSession(this.#platform.storage);
			await this.#platform.server?.end();
			await this.#close({ clearStores: true });
			await this.#wipe();
			this.#phase = { kind: 'signed-out', reason: options.reason ?? 'signed-out' };
			return ok(undefined);
		} finally {
			clearSigningOut(this.#platform.storage);
			this.#signingOut = false;
		}
	}

	async #logOutHere(): Promise<Result<void, Failure>> {
		const open = this.#open;
		const stored = loadSession(this.#platform.storage);
		if (open === undefined && !stored.ok) return ok(undefined);
		const matrix = await this.#platform.matrix();
		return open !== undefined ? matrix.logOut(open.client) : stored.ok ? matrix.logOutWithToken(stored.value) : ok(undefined);
	}

	/**
	 * NOTE: the web sessions end before the Matrix ones: the server knows whose
	 * they are from this browser's cookie, which still names a live session
	 * only while the Matrix token works. Should /logout/all then fail, the
	 * person is told their other devices are still signed in, and a retry
	 * ends them (the web server's part is then already done).
	 */
	async #logOutEverywhere(): Promise<Result<void, Failure>> {
		const stored = loadSession(this.#platform.storage);
		await this.#platform.server?.endEverywhere();
		this.#server = 'none';
		if (!stored.ok) return ok(undefined);
		const matrix = await this.#platform.matrix();
		if (this.#open !== undefined) matrix.stop(this.#open.client);
		return matrix.logOutEverywhere(stored.value);
	}

	/**
	 * Another tab of this browser is signing out (its mark appeared) or signed
	 * out (the stored session disappeared). At the mark, this tab lets go of
	 * its client before the token dies, so that no request of its own meets a
	 * dead token; should the other tab's sign-out fail (the mark goes, the
	 * session stays), this tab opens the session again.
	 */
	async onStorageChanged(key: string | null): Promise<void> {
		if (key === SIGNING_OUT_KEY) return this.#otherTabSigningOut();
		if (key !== null && key !== SESSION_KEY) return;
		if (this.#open === undefined || loadSession(this.#platform.storage).ok) return;
		await this.#close();
		this.#phase = { kind: 'signed-out', reason: 'other-tab' };
	}

	async #otherTabSigningOut(): Promise<void> {
		const phase = this.#phase;
		if (phase.kind !== 'open' || this.#signingOut || this.#platform.storage.getItem(SIGNING_OUT_KEY) === null) return;
		const userId = phase.userId;
		await this.#close();
		this.#phase = { kind: 'opening', userId, first: false };
		if (await signedOutByAnotherTab(this.#platform.storage)) {
			this.#phase = { kind: 'signed-out', reason: 'other-tab' };
			return;
		}
		this.#phase = { kind: 'idle' };
		this.#starting = undefined;
		await this.resume();
	}

	async #endedElsewhere(): Promise<void> {
		if (this.#signingOut) return;
		// NOTE: when another tab of this browser signs out, this tab may hear
		// "token gone" from the homeserver before the storage event arrives,
		// even before that tab forgets the session (signing-out.ts). The
		// signing-out tab does the wiping.
		if (await signedOutByAnotherTab(this.#platform.storage)) {
			await this.#close();
			this.#phase = { kind: 'signed-out', reason: 'other-tab' };
			return;
		}
		forgetSession(this.#platform.storage);
		await this.#platform.server?.end();
		await this.#close({ clearStores: true });
		await this.#wipe();
		this.#phase = { kind: 'signed-out', reason: 'ended-elsewhere' };
	}

	async #close(options: { readonly clearStores?: boolean } = {}): Promise<void> {
		this.#unwatch?.();
		this.#unwatch = undefined;
		this.#verifications?.dispose();
		this.#verifications = undefined;
		this.#password = undefined;
		this.#server = 'none';
		this.#unprotected = false;
		this.#trustFromStore = false;
		this.#connected = true;
		const open = this.#open;
		this.#open = undefined;
		if (open === undefined) return;
		open.keys.forget();
		const matrix = await this.#platform.matrix();
		if (options.clearStores) await matrix.closeAndClear(open.client);
		else matrix.stop(open.client);
	}

	async #wipe(): Promise<void> {
		this.#wipeBlocked = false;
		await this.#platform.wipe(this.#platform.browserData(), () => (this.#wipeBlocked = true));
		this.#wipeBlocked = false;
	}
}
