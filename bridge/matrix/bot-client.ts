// The bot's Matrix client, wired for crash safety: restores the last
// checkpoint's stores into fake-indexeddb, logs in once (the device then
// stays the same: session file + restored crypto store), runs the SDK's sync
// through the gate (sync-gate.ts, bridge-sync.ts), sets up cross-signing and
// the recovery key, and trusts only cross-signed devices. With `commands`,
// it answers chat commands (bridge/commands) with encrypted m.notice replies;
// with `reminders`, it sends the preservation reminders (bridge/reminders):
// the hook sees each batch's events before the commit and its rooms after,
// and starts once the device is cross-signed; with `alerts`, it tells case
// rooms of the alerts' escalation steps (bridge/alerts), from then on too.
// Once cross-signed, it answers
// its authority administrators' verification requests (bot-verification.ts).
// The gaps federation can leave in a room's history (issue 14) are closed by
// back-pagination (backfill.ts): for a cut-short timeline, and for every joined
// room at start, after a reconnection and every `reconcileEveryMs`.
// NOTE: fake-indexeddb is installed as the process's global indexedDB (the
// Rust crypto finds it there), so there is one bot client per process.
import 'fake-indexeddb/auto';
import * as sdk from 'matrix-js-sdk';
import type { RoomMessageEventContent } from 'matrix-js-sdk/lib/@types/events.js';
import { createHash } from 'node:crypto';
import { err, ok } from '../../policies/result.ts';
import type { CommandHook, PendingCommand, ReplyContent } from '../commands/hook.ts';
import type { CaseRoomSender } from '../alerts/escalator.ts';
import type { NoticeSender, ReminderHook } from '../reminders/hook.ts';
import { remindingSink } from '../reminders/sink.ts';
import { readArrival, type IdentityApproved } from './arrival.ts';
import { BridgeSync, type InviteAction, type PendingState } from './bridge-sync.ts';
import type { Decrypted } from './decryption-queue.ts';
import { decodeSnapshot, dumpDatabases, restoreDatabases } from './idb-snapshot.ts';
import type { InvitationPolicy } from './invitation.ts';
import { sdkLogger } from './sdk-logger.ts';
import type { SecretFiles, Session } from './secret-files.ts';
import type { BatchSink } from './sink.ts';
import { afterRefusedJoin, mayTryJoin, type RefusedJoin } from './join-retry.ts';
import { isBridgedType, type RawEvent } from './sync-batch.ts';
import { isReconnection, reconcileDue, type Page } from './backfill.ts';
import { gatedFetch } from './sync-gate.ts';
import { recoveryKeyOf, ensureTrust } from './trust.ts';
import { DirectoryPresence, type DirectoryOptions } from './directory-presence.ts';
import { NetworkPresence, type NetworkPresenceOptions } from './network-presence.ts';
import { BotVerification } from './bot-verification.ts';
import { serverNameOf } from '../../policies/cases/index.ts';
import { Reporter, type ReportsOptions } from '../reports/reporter.ts';
import { sdkReportsClient } from './reports-client.ts';

const STORE_NAME = 'rogatory-bridge';

/** The alerts (bridge/alerts/bridge-alerts.ts): given the bot's sender once its device is cross-signed. */
export interface AlertsHook {
	start(send: CaseRoomSender): void;
}

export interface BotOptions {
	readonly homeserverUrl: string;
	/** Localpart or full user ID. */
	readonly user: string;
	readonly password: string;
	readonly sink: BatchSink;
	readonly secrets: SecretFiles;
	readonly policy: InvitationPolicy;
	readonly giveUpAfterMs: number;
	readonly retryMs: number;
	readonly log: (line: string) => void;
	/** The chat commands (bridge/commands' caseCommands); left out, the bot answers none. */
	readonly commands?: CommandHook;
	/** The preservation reminders (bridge/reminders' caseReminders); left out, the bot sends none. */
	readonly reminders?: ReminderHook;
	/** The alerts' escalation steps told in case rooms; left out, the bot tells none. */
	readonly alerts?: AlertsHook;
	/** Whether a changed identity was approved (the register's identity_changes); left out, none is. */
	readonly identityApproved?: IdentityApproved;
	/** The network directory rooms (bridge/directory); left out, the bot takes no part in them. */
	readonly directory?: DirectoryOptions;
	/** Its networks' rooms (bridge/network/member.ts); left out, the bot takes no part in them. */
	readonly networks?: NetworkPresenceOptions;
	/** The reports to the secretariats (bridge/reports, sent only with consent); left out, reports rooms are invitations like any. */
	readonly reports?: ReportsOptions;
	/** How often every room's history is paged back for events the sync missed (default hourly; issue 14). */
	readonly reconcileEveryMs?: number;
	/** At most this many /messages pages per room per pass (default 20). */
	readonly maxPages?: number;
}

export interface RunningBot {
	readonly client: sdk.MatrixClient;
	readonly sync: BridgeSync;
	readonly session: Session;
	readonly directory: DirectoryPresence | undefined;
	stop(): void;
}

/** The SDK's store, saved only at the bridge's checkpoints, so a snapshot's sync data always matches its token. */
class CheckpointedStore extends sdk.IndexedDBStore {
	override wantsSave(): boolean {
		return false;
	}
}

async function login(options: BotOptions): Promise<Session> {
	const anonymous = sdk.createClient({ baseUrl: options.homeserverUrl, logger: sdkLogger('login') });
	const response = await anonymous.loginRequest({
		type: 'm.login.password',
		identifier: { type: 'm.id.user', user: options.user },
		password: options.password,
		initial_device_display_name: 'Rogatory bridge',
	});
	return { userId: response.user_id, deviceId: response.device_id, accessToken: response.access_token };
}

function waitPrepared(client: sdk.MatrixClient): Promise<void> {
	return new Promise((resolve) => {
		const onSync = (state: sdk.SyncState): void => {
			if (state !== sdk.SyncState.Prepared && state !== sdk.SyncState.Syncing) return;
			client.off(sdk.ClientEvent.Sync, onSync);
			resolve();
		};
		client.on(sdk.ClientEvent.Sync, onSync);
	});
}

export async function startBot(options: BotOptions): Promise<RunningBot> {
	const { log, secrets } = options;
	const checkpoint = options.sink.load();
	let pending: PendingState = { queue: [], actions: [] };
	if (checkpoint !== undefined) {
		const decoded = decodeSnapshot<PendingState>(checkpoint.store);
		if (!decoded.ok) throw new Error(`the register's checkpoint cannot be restored: ${decoded.error}`);
		await restoreDatabases(indexedDB, decoded.value.databases);
		pending = decoded.value.extra;
	}
	let session = secrets.readSession();
	if (session === undefined) {
		if (checkpoint !== undefined)
			throw new Error(`the register has a checkpoint but ${secrets.dir} has no session.json: restore it, the device cannot change`);
		session = await login(options);
		secrets.writeSession(session);
		log(`logged in as ${session.userId}, new device ${session.deviceId}`);
	}
	log(`device ${session.deviceId}; resuming from ${checkpoint?.syncToken || 'the start'} with ${pending.queue.length} queued events`);

	// The gate's callbacks need the client, which needs the gate: they meet here.
	const created: {
		client?: sdk.MatrixClient;
		directory?: DirectoryPresence | undefined;
		networks?: NetworkPresence | undefined;
		reports?: Reporter | undefined;
	} = {};
	const the = (): sdk.MatrixClient => {
		if (created.client === undefined) throw new Error('the client is not created yet');
		return created.client;
	};
	const decrypt = (raw: RawEvent): Promise<Decrypted> => readArrival(the(), raw, options.identityApproved);
	// One page of the room's history, dir=b and no `to`: the homeserver backfills what it lacks (backfill.ts).
	const page = async (room: string, from: string): Promise<Page> => {
		const got = await the().http.authedRequest<{ chunk?: Record<string, unknown>[]; end?: string }>(
			sdk.Method.Get,
			`/rooms/${encodeURIComponent(room)}/messages`,
			{ from, dir: 'b', limit: '100' },
		);
		const chunk = got.chunk ?? [];
		const events = chunk
			.filter((e) => typeof e['event_id'] === 'string' && !('state_key' in e) && isBridgedType(e['type']))
			.map((e) => ({ ...e, room_id: room }) as RawEvent);
		return { events, end: chunk.length === 0 || got.end === from ? undefined : got.end };
	};
	// Joins refused so far, by room (join-retry.ts: a 403 right after the invitation is tried again).
	const refusedJoins = new Map<string, RefusedJoin>();
	const answer = async ({ room, join }: InviteAction): Promise<boolean> => {
		if (join && !mayTryJoin(refusedJoins.get(room), Date.now())) return false;
		const path = join ? `/join/${encodeURIComponent(room)}` : `/rooms/${encodeURIComponent(room)}/leave`;
		try {
			await the().http.authedRequest(sdk.Method.Post, path, undefined, {});
			log(`${join ? 'joined' : 'left (refused)'} ${room}`);
			refusedJoins.delete(room);
			return true;
		} catch (e) {
			const status = e instanceof sdk.MatrixError ? e.httpStatus : undefined;
			const again = join && status !== undefined ? afterRefusedJoin(refusedJoins.get(room), status, Date.now()) : undefined;
			if (again !== undefined) refusedJoins.set(room, again);
			else refusedJoins.delete(room);
			const final = (status === 403 || status === 404) && again === undefined;
			log(
				`could not ${join ? 'join' : 'leave'} ${room}: ${e instanceof Error ? e.message : String(e)}${final ? ' — giving up' : ' — will retry'}`,
			);
			return final;
		}
	};

	// NOTE: the transaction ID is derived from the command, so a reply sent again
	// after a crash (bridge-sync.ts) is the same request to the homeserver, which
	// keeps the event it created the first time instead of making a second.
	const sendReply = async (command: PendingCommand, content: ReplyContent): Promise<boolean> => {
		const txnId = `rogatory-reply-${createHash('sha256').update(command.eventId).digest('hex').slice(0, 40)}`;
		// NOTE: the SDK sends in the clear into a room it does not know as encrypted (right after a restart, before the
		// room's state is back); the reply waits for the next round instead.
		if (the().getRoom(command.room)?.hasEncryptionStateEvent() !== true) {
			log(`not answering ${command.eventId} yet: ${command.room} is not known yet as an encrypted room — will retry`);
			return false;
		}
		try {
			// Built anew from the reply's text: nothing else of it reaches the room.
			const message: RoomMessageEventContent = { msgtype: sdk.MsgType.Notice, body: content.body, 'm.mentions': {} };
			const sent = await the().sendEvent(command.room, sdk.EventType.RoomMessage, message, txnId);
			log(`answered ${command.request.name} (${command.eventId}) in ${command.room} with ${sent.event_id}`);
			return true;
		} catch (e) {
			const final = e instanceof sdk.MatrixError && (e.httpStatus === 403 || e.httpStatus === 404);
			log(
				`could not answer ${command.eventId} in ${command.room}: ${e instanceof Error ? e.message : String(e)}${final ? ' — giving up' : ' — will retry'}`,
			);
			return final;
		}
	};

	// NOTE: like a reply, a reminder's transaction ID comes from its row, so a
	// reminder sent again after a crash is the same request (bridge/reminders/scheduler.ts).
	const sendNotice: NoticeSender = async (room, notice, txnId) => {
		// NOTE: the SDK sends in the clear into a room it does not know yet as
		// encrypted (right after a restart, before the room's state is back):
		// a reminder waits until it does.
		if (the().getRoom(room)?.hasEncryptionStateEvent() !== true)
			return err({ final: false, message: `${room} is not known yet as an encrypted room; not sent` });
		try {
			const content = { msgtype: sdk.MsgType.Notice, body: notice.body, 'm.mentions': { user_ids: [...notice['m.mentions'].user_ids] } };
			const sent = await the().sendEvent(room, sdk.EventType.RoomMessage, content as RoomMessageEventContent, txnId);
			return ok(sent.event_id);
		} catch (e) {
			const final = e instanceof sdk.MatrixError && (e.httpStatus === 403 || e.httpStatus === 404);
			return err({ final, message: e instanceof Error ? e.message : String(e) });
		}
	};

	// NOTE: an alert step's transaction ID comes from its step (bridge/alerts/escalator.ts), and its type travels
	// inside the encrypted payload: the homeserver sees m.room.encrypted, as for every case event.
	const sendCaseRoomEvent: CaseRoomSender = async (room, type, content, txnId) => {
		if (the().getRoom(room)?.hasEncryptionStateEvent() !== true)
			return err({ final: false, message: `${room} is not known yet as an encrypted room; not sent` });
		try {
			const sent = await the().sendEvent(room, type as never, content as never, txnId);
			return ok(sent.event_id);
		} catch (e) {
			const final = e instanceof sdk.MatrixError && (e.httpStatus === 403 || e.httpStatus === 404);
			return err({ final, message: e instanceof Error ? e.message : String(e) });
		}
	};

	const store = new CheckpointedStore({ indexedDB, dbName: STORE_NAME });
	store.on('degraded', (e: Error) => log(`SYNC STORE DEGRADED to memory: ${e.message} — restart the bridge`));
	const sync = new BridgeSync(
		{
			sink: options.reminders === undefined ? options.sink : remindingSink(options.sink, options.reminders),
			self: session.userId,
			policy: options.policy,
			decrypt,
			saveSyncStore: () => store.save(true),
			dump: () => dumpDatabases(indexedDB),
			page,
			...(options.maxPages === undefined ? {} : { maxPages: options.maxPages }),
			answer,
			...(options.commands === undefined ? {} : { replies: { hook: options.commands, send: sendReply } }),
			skipRoom: (room) =>
				created.directory?.owns(room) === true || created.networks?.owns(room) === true || created.reports?.owns(room) === true,
			skipInvitation: (invitation) => created.reports?.ownsInvitation(invitation.create) === true,
			log,
			giveUpAfterMs: options.giveUpAfterMs,
			retryMs: options.retryMs,
		},
		{ token: checkpoint?.syncToken ?? '', pending },
	);
	const client = sdk.createClient({
		baseUrl: options.homeserverUrl,
		userId: session.userId,
		deviceId: session.deviceId,
		accessToken: session.accessToken,
		store,
		fetchFn: gatedFetch(sync),
		logger: sdkLogger(session.userId),
		// A bot cannot compare emoji or scan: it shows its QR code and checks the scanner's reciprocation (bot-verification.ts).
		verificationMethods: ['m.qr_code.show.v1', 'm.reciprocate.v1'],
		cryptoCallbacks: {
			getSecretStorageKey: ({ keys }) => {
				const encoded = secrets.readRecoveryKey();
				const id = Object.keys(keys)[0];
				return Promise.resolve(encoded === undefined || id === undefined ? null : [id, recoveryKeyOf(encoded).privateKey]);
			},
		},
	});
	created.client = client;
	const directory =
		options.directory === undefined
			? undefined
			: new DirectoryPresence(client, options.directory, session.userId, log, options.identityApproved);
	created.directory = directory;
	const networks = options.networks === undefined ? undefined : new NetworkPresence(client, options.networks, session.userId, log);
	created.networks = networks;
	// Reports to the secretariats (bridge/reports): its own block, ticked after each sync once cross-signed.
	created.reports = options.reports === undefined ? undefined : new Reporter(sdkReportsClient(client), options.reports, log);
	await store.startup();
	await client.initRustCrypto({ useIndexedDB: true, cryptoDatabasePrefix: STORE_NAME, storageKey: secrets.storeKey() });
	const prepared = waitPrepared(client);
	await client.startClient({ initialSyncLimit: 100, threadSupport: false });
	await prepared;
	await ensureTrust(client, secrets, options.password, log);
	const verification = new BotVerification({
		client,
		verifiers: { people: options.policy.roster.people, authority: options.policy.authority, server: serverNameOf(session.userId) },
		secrets,
		log,
	});
	verification.start();
	options.reminders?.start(sendNotice);
	options.alerts?.start(sendCaseRoomEvent);
	if (directory !== undefined) {
		directory.start();
		client.on(sdk.ClientEvent.Sync, (state) => {
			if (state === sdk.SyncState.Syncing) directory.tick();
		});
	}
	networks?.start();
	const reports = created.reports;
	client.on(sdk.ClientEvent.Sync, (state) => {
		if (state === sdk.SyncState.Syncing) void reports?.tick();
	});
	// Back-pagination of every joined room: at start, after a reconnection, periodically (backfill.ts).
	const everyMs = options.reconcileEveryMs ?? 3_600_000;
	let lastReconcile: number | undefined;
	let reconciling = false;
	const reconcileAll = (why: string): void => {
		if (reconciling) return;
		reconciling = true;
		lastReconcile = Date.now();
		const rooms = client
			.getRooms()
			.filter((r) => r.getMyMembership() === 'join')
			.map((r) => r.roomId);
		sync
			.reconcile(rooms, why)
			.then(({ missing }) => log(`reconciled ${rooms.length} rooms (${why}): ${missing} missing events ingested`))
			.catch((e: unknown) =>
				log(`reconciliation (${why}) failed: ${e instanceof Error ? e.message : String(e)} — the next one tries again`),
			)
			.finally(() => (reconciling = false));
	};
	let previousState: string | undefined;
	client.on(sdk.ClientEvent.Sync, (state) => {
		if (isReconnection(previousState, state)) reconcileAll('reconnected');
		previousState = state;
	});
	const reconcileTimer = setInterval(
		() => {
			if (reconcileDue(lastReconcile, Date.now(), everyMs)) reconcileAll('periodic');
		},
		Math.min(everyMs, 60_000),
	);
	reconcileTimer.unref();
	reconcileAll('start');
	log(`bridge running as ${session.userId} (device ${session.deviceId}, cross-signed)`);
	return {
		client,
		sync,
		session,
		directory,
		stop: () => {
			clearInterval(reconcileTimer);
			options.reminders?.stop();
			verification.stop();
			directory?.stop();
			networks?.stop();
			sync.stop();
			client.stopClient();
		},
	};
}
