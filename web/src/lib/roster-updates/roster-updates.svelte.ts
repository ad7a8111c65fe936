// The administrator's roster updates page (docs/roster-updates.md): for each
// network of the authority, the version its secretariat announced next, what
// the server says it changes, and applying it with one action. Reads each
// announcements room this browser has joined (the network page joins them),
// judges every announcement under the trust rule before it counts, and asks
// the server (lib/roster-updates/api.ts), which checks the file against the
// roster it runs and writes nothing until told to apply.
import { networkSecretariat, type NetworkSecretariat } from '#policies/network/index.ts';
import type { NetworkId } from '#policies/roster/types.ts';
import type { CaseParties } from '../cases/case-rooms.svelte.ts';
import { EventTrust } from '../cases/event-trust.ts';
import { readArrival } from '../matrix/arrival.ts';
import { loadWholeHistory, networkRoomsOf, powerOf, watchNetworkRooms } from '../matrix/network-rooms.ts';
import { rosterAnnouncementEvents } from '../matrix/roster-announcements.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { deployedServers, secretariatAccounts } from '../networks/rooms.ts';
import { offeredUpdate, type Announced } from './announced.ts';
import { askRosterUpdate, type UpdateAnswer, type UpdateProblem } from './api.ts';

export type NetworkUpdate =
	/** Still reading the room. */
	| { readonly kind: 'reading' }
	/** The network has no secretariat on Rogatory, or this browser has not joined its announcements room. */
	| { readonly kind: 'no-room' }
	/** No version after the one this site runs. */
	| { readonly kind: 'up-to-date'; readonly later?: number }
	/** The server's answer on the next version (and a later one that waits for it, if any). */
	| { readonly kind: 'offered'; readonly announced: Announced; readonly answer: UpdateAnswer; readonly later?: number }
	| { readonly kind: 'applying'; readonly announced: Announced }
	| { readonly kind: 'problem'; readonly problem: UpdateProblem; readonly announced?: Announced };

export class RosterUpdates {
	readonly #client: MatrixClient;
	readonly #parties: CaseParties;
	readonly #running: number;
	readonly #networks: readonly NetworkId[];
	readonly #trust = new EventTrust();
	/** The rooms whose whole history was loaded: not state (nothing renders it). */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #loaded = new Set<string>();
	#updates = $state.raw<Readonly<Record<string, NetworkUpdate>>>({});
	#unsubscribe: (() => void) | undefined;
	#stopped = false;

	constructor(client: MatrixClient, parties: CaseParties, networks: readonly NetworkId[], running: number) {
		this.#client = client;
		this.#parties = parties;
		this.#networks = networks;
		this.#running = running;
		const reading: NetworkUpdate = { kind: 'reading' };
		this.#updates = Object.fromEntries(networks.map((n) => [n, reading]));
	}

	get updates(): Readonly<Record<string, NetworkUpdate>> {
		return this.#updates;
	}

	start(): void {
		this.#unsubscribe = watchNetworkRooms(
			this.#client,
			() => this.#networks.flatMap((n) => this.#roomOf(n) ?? []),
			() => void this.#readAll(),
		);
		void this.#readAll();
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
	}

	#secretariat(network: NetworkId): NetworkSecretariat | undefined {
		return networkSecretariat(this.#parties.roster, network, { servers: deployedServers(this.#parties.homeservers) });
	}

	#roomOf(network: NetworkId): string | undefined {
		const secretariat = this.#secretariat(network);
		if (secretariat === undefined) return undefined;
		return networkRoomsOf(this.#client, network, secretariat.serviceAccount).find(
			(r) => r.kind === 'announcements' && r.membership === 'join',
		)?.roomId;
	}

	#set(network: NetworkId, update: NetworkUpdate): void {
		if (!this.#stopped) this.#updates = { ...this.#updates, [network]: update };
	}

	async #readAll(): Promise<void> {
		await Promise.all(this.#networks.map((n) => this.#read(n)));
	}

	async #read(network: NetworkId): Promise<void> {
		const current = this.#updates[network];
		if (current?.kind === 'applying' || (current?.kind === 'offered' && current.answer.kind === 'applied')) return;
		const secretariat = this.#secretariat(network);
		const roomId = this.#roomOf(network);
		const room = roomId === undefined ? null : this.#client.getRoom(roomId);
		if (secretariat === undefined || roomId === undefined || room === null) return this.#set(network, { kind: 'no-room' });
		if (!this.#loaded.has(roomId)) {
			this.#loaded.add(roomId);
			await loadWholeHistory(this.#client, room).catch(() => this.#loaded.delete(roomId));
		}
		const events = rosterAnnouncementEvents(room);
		await this.#trust.settle(
			events.map((e) => ({ id: e.eventId, sender: e.sender })),
			(eventId) => {
				const event = room.findEventById(eventId);
				return event === undefined ? Promise.resolve(undefined) : readArrival(this.#client, event);
			},
		);
		const senders = secretariatAccounts(powerOf(this.#client, roomId).content, secretariat.serviceAccount);
		const offered = offeredUpdate(
			events.map((e) => ({ ...e, counts: this.#trust.verdict(e.eventId)?.counts })),
			this.#running,
			senders,
		);
		const later = offered.later === undefined ? {} : { later: offered.later };
		if (offered.next === undefined) return this.#set(network, { kind: 'up-to-date', ...later });
		const before = this.#updates[network];
		if (before?.kind === 'offered' && before.announced.eventId === offered.next.eventId) return;
		const answer = await askRosterUpdate({ network, content: offered.next.content, apply: false });
		this.#set(
			network,
			answer.ok
				? { kind: 'offered', announced: offered.next, answer: answer.value, ...later }
				: { kind: 'problem', problem: answer.error, announced: offered.next },
		);
	}

	/** Applies the offered version: the server replaces its roster file, and what reads it restarts. */
	async apply(network: NetworkId): Promise<void> {
		const update = this.#updates[network];
		if (update?.kind !== 'offered' || update.answer.kind !== 'applicable') return;
		const { announced } = update;
		this.#set(network, { kind: 'applying', announced });
		const answer = await askRosterUpdate({ network, content: announced.content, apply: true });
		this.#set(
			network,
			answer.ok ? { kind: 'offered', announced, answer: answer.value } : { kind: 'problem', problem: answer.error, announced },
		);
	}
}
