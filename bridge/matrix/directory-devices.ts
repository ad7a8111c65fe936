// Watches the directory rooms' members for new cross-signed devices
// (bridge/directory/new-devices.ts says why a new device is a late joiner).
// When the crypto reports that members' devices changed, it asks which of
// their devices their owner signed, compares with what it has seen, and
// names the directory rooms the members with a new one are in, for the
// presence to re-send there. What it has seen is kept in the directory
// state, so a device added while the bridge was down is still new at start.
import * as sdk from 'matrix-js-sdk';
import { CryptoEvent } from 'matrix-js-sdk/lib/crypto-api/index.js';
import { deviceNews, type SeenDevices } from '../directory/new-devices.ts';

export interface DeviceWatchHost {
	/** The directory rooms the bridge is in. */
	rooms(): readonly string[];
	seen(): SeenDevices;
	remember(seen: SeenDevices): void;
	/** Room → its members with a new signed device. */
	newDevicesIn(byRoom: ReadonlyMap<string, readonly string[]>): void;
	log(line: string): void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class DirectoryDeviceWatch {
	readonly #client: sdk.MatrixClient;
	readonly #host: DeviceWatchHost;
	readonly #self: string;
	#queue: Promise<void> = Promise.resolve();

	constructor(client: sdk.MatrixClient, self: string, host: DeviceWatchHost) {
		this.#client = client;
		this.#self = self;
		this.#host = host;
	}

	start(): void {
		this.#client.on(CryptoEvent.DevicesUpdated, this.#onDevices);
	}

	stop(): void {
		this.#client.off(CryptoEvent.DevicesUpdated, this.#onDevices);
	}

	/** Looks at every directory member now (at start: devices added while the bridge was down). */
	lookAtEveryone(): Promise<void> {
		return this.#look(undefined);
	}

	readonly #onDevices = (users: string[]): void => {
		void this.#look(users);
	};

	/** One look at a time, in order: the seen list is read and written by one. */
	#look(users: readonly string[] | undefined): Promise<void> {
		this.#queue = this.#queue
			.then(() => this.#compare(users))
			.catch((e: unknown) => this.#host.log(`directory: could not look at members' devices: ${messageOf(e)}`));
		return this.#queue;
	}

	async #compare(users: readonly string[] | undefined): Promise<void> {
		const crypto = this.#client.getCrypto();
		if (crypto === undefined) return;
		const roomsOf = new Map<string, string[]>();
		for (const roomId of this.#host.rooms()) {
			for (const member of this.#client.getRoom(roomId)?.getJoinedMembers() ?? []) {
				if (member.userId === this.#self || (users !== undefined && !users.includes(member.userId))) continue;
				roomsOf.set(member.userId, [...(roomsOf.get(member.userId) ?? []), roomId]);
			}
		}
		if (roomsOf.size === 0) return;
		const devices = await crypto.getUserDeviceInfo([...roomsOf.keys()]);
		const signed = new Map<string, string[]>();
		for (const [user, byId] of devices) {
			const ids: string[] = [];
			for (const deviceId of byId.keys()) {
				const status = await crypto.getDeviceVerificationStatus(user, deviceId);
				if (status?.signedByOwner === true) ids.push(deviceId);
			}
			signed.set(user, ids);
		}
		const news = deviceNews(this.#host.seen(), signed);
		this.#host.remember(news.seen);
		if (news.withNewDevices.length === 0) return;
		this.#host.log(`directory: ${news.withNewDevices.length} member(s) signed a new device`);
		const byRoom = new Map<string, string[]>();
		for (const user of news.withNewDevices)
			for (const room of roomsOf.get(user) ?? []) byRoom.set(room, [...(byRoom.get(room) ?? []), user]);
		this.#host.newDevicesIn(byRoom);
	}
}
