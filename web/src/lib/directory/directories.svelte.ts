// View model of the network directories the signed-in person can read: one
// per network their authority belongs to, each folded live from its directory
// room (lib/matrix/directory-room-feed.ts finds, joins and reads the rooms;
// this judges every event under the trust rule, then folds with the pure
// core). It says whether the person is an editor of their authority (the
// fold's editors list, written by their authority's bridge), and publishes
// entries and shares cards. Beside each directory room it reads the network's
// 24/7 room when the person's bridge invited them (they are one of its 24/7
// points): the phone and e-mail kept for the 24/7 points are merged in then,
// and a person entry whose details are for them is sent in two parts. The Matrix side is loaded lazily so the SDK stays
// out of server rendering.
import { serverNameOf } from '#policies/cases/ids/matrix.ts';
import type { DirectoryPayload, PersonEntry } from '#policies/directory/types.ts';
import type { DirectoryView } from './core.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';
import { EventTrust } from '../cases/event-trust.ts';
import type { CaseParties } from '../cases/case-rooms.svelte.ts';
import { userIdOf } from '../matrix/account.ts';
import type { DirectoryRoomFeed, DirectoryRoomRead, RoomState } from '../matrix/directory-room-feed.ts';
import type { Failure } from '../matrix/failure.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { isoNow } from './clock.ts';
import {
	directoryAlias,
	directoryKeeper,
	foldDirectory,
	isEditorOf,
	pointsAlias,
	serializeVcards,
	splitContact,
	type DirectoryArrival,
} from './core.ts';

type RoomApi = typeof import('../matrix/directory-room.ts');
type FeedApi = typeof import('../matrix/directory-room-feed.ts');

let modules: Promise<[RoomApi, FeedApi]> | undefined;

/** The Matrix side of the directory, loaded once per page (tried again after a failed load). */
export function loadDirectoryModules(): Promise<[RoomApi, FeedApi]> {
	modules ??= Promise.all([import('../matrix/directory-room.ts'), import('../matrix/directory-room-feed.ts')]);
	modules.catch(() => (modules = undefined));
	return modules;
}

/** Why an entry or a card was not sent: the page words it. */
export type PublishProblem =
	| { readonly kind: 'not-ready' }
	| { readonly kind: 'no-room' }
	| { readonly kind: 'not-editor' }
	/** Details for the 24/7 points only, from someone not in the network's 24/7 room. */
	| { readonly kind: 'no-points-room' }
	| Failure;

export interface NetworkDirectory {
	readonly network: NetworkId;
	readonly state: RoomState;
	readonly view: DirectoryView;
	/** Messages of the room this browser cannot decrypt (from before the person joined). */
	readonly undecrypted: number;
}

const empty = (network: NetworkId): DirectoryView => ({
	network,
	authorities: [],
	people: [],
	departed: [],
	editors: {},
	ignored: [],
	rosters: {},
	points247: false,
});

export class Directories {
	readonly #client: MatrixClient;
	readonly #parties: CaseParties;
	readonly #storage: Storage | undefined;
	// NOTE: replaced whole on every change ($state.raw), never mutated.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#directories = $state.raw<ReadonlyMap<NetworkId, NetworkDirectory>>(new Map());
	#ready = $state(false);
	readonly #trust = new EventTrust();
	#feed: DirectoryRoomFeed | undefined;
	/** The networks' 24/7 rooms this person was invited to. */
	#points: DirectoryRoomFeed | undefined;
	/** Network → the last read of its directory room, and of its 24/7 room. */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- inputs of the fold, never shown
	readonly #reads = new Map<string, DirectoryRoomRead>();
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- inputs of the fold, never shown
	readonly #pointsReads = new Map<string, DirectoryRoomRead>();
	#api: RoomApi | undefined;
	#stopped = false;

	constructor(client: MatrixClient, parties: CaseParties, storage: Storage | undefined) {
		this.#client = client;
		this.#parties = parties;
		this.#storage = storage;
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- the first value for $state.raw
		const initial = new Map<NetworkId, NetworkDirectory>();
		for (const network of this.networks) initial.set(network, { network, state: 'looking', view: empty(network), undecrypted: 0 });
		this.#directories = initial;
	}

	get userId(): string {
		return userIdOf(this.#client);
	}

	/** The person's own authority, from their homeserver. */
	get self(): AuthorityId | undefined {
		return this.#parties.servers.get(serverNameOf(this.userId));
	}

	get parties(): CaseParties {
		return this.#parties;
	}

	/** The networks the person's authority belongs to (member or observer), in roster order. */
	get networks(): NetworkId[] {
		const self = this.#parties.roster.authorities.find((a) => a.id === this.self);
		return self === undefined ? [] : self.memberships.map((m) => m.network);
	}

	/** False until every directory room this browser kept has been read once. */
	get ready(): boolean {
		return this.#ready;
	}

	get directories(): NetworkDirectory[] {
		return [...this.#directories.values()];
	}

	get views(): DirectoryView[] {
		return this.directories.map((d) => d.view);
	}

	directory(network: string): NetworkDirectory | undefined {
		return this.#directories.get(network as NetworkId);
	}

	/** The networks in which the person may edit their authority's entries. */
	get editorNetworks(): NetworkId[] {
		const self = this.self;
		if (self === undefined) return [];
		return this.directories.filter((d) => isEditorOf(d.view, self, this.userId)).map((d) => d.network);
	}

	/** A person entry, found in any directory. */
	person(
		authority: string,
		id: string,
	): { network: NetworkId; entry: PersonEntry; updated: DirectoryView['people'][number]['updated'] } | undefined {
		for (const d of this.directories) {
			const found = d.view.people.find((p) => p.entry.authority === authority && p.entry.id === id);
			if (found !== undefined) return { network: d.network, ...found };
		}
		return undefined;
	}

	/** The person's own entry in the directory, if their authority wrote one. */
	get ownEntry(): PersonEntry | undefined {
		const self = this.self;
		if (self === undefined) return undefined;
		for (const d of this.directories) {
			const found = d.view.people.find(
				(p) => p.entry.authority === self && (p.entry.matrixId === this.userId || p.entry.id === this.userId),
			);
			if (found !== undefined) return found.entry;
		}
		return undefined;
	}

	#serverOf = (authority: AuthorityId): string | undefined => {
		const server = this.#parties.homeservers.get(authority);
		return server === undefined || server === '' ? undefined : server;
	};

	async start(): Promise<void> {
		const [room, feeds] = await loadDirectoryModules();
		if (this.#stopped) return;
		this.#api = room;
		const keeperServers = this.networks.flatMap((network) => {
			const keeper = directoryKeeper(this.#parties.roster, network);
			const server = keeper === undefined ? undefined : this.#serverOf(keeper);
			return server === undefined ? [] : [{ network, server }];
		});
		const wanted = keeperServers.map(({ network, server }) => ({ network, alias: directoryAlias(network, server) }));
		const feed = new feeds.DirectoryRoomFeed(
			this.#client,
			wanted,
			{
				state: (network, state) => this.#update(network, { state }),
				read: (read) => {
					this.#reads.set(read.network, read);
					return this.#fold(read.network);
				},
			},
			feeds.aliasMemory(`rogatory.directory-rooms.${this.userId}`, this.#storage),
			feeds.aliasMemory(`rogatory.directory-asked.${this.userId}`, this.#storage),
		);
		this.#feed = feed;
		const points = new feeds.DirectoryRoomFeed(
			this.#client,
			keeperServers.map(({ network, server }) => ({ network, alias: pointsAlias(network, server), invitedOnly: true })),
			{
				state: () => undefined,
				read: (read) => {
					this.#pointsReads.set(read.network, read);
					return this.#fold(read.network);
				},
			},
			feeds.aliasMemory(`rogatory.directory-24-7-rooms.${this.userId}`, this.#storage),
		);
		this.#points = points;
		await Promise.all([feed.start(), points.start()]);
		this.#ready = true;
	}

	stop(): void {
		this.#stopped = true;
		this.#feed?.stop();
		this.#points?.stop();
	}

	#update(network: string, change: Partial<NetworkDirectory>): void {
		const id = network as NetworkId;
		const known = this.#directories.get(id) ?? { network: id, state: 'looking', view: empty(id), undecrypted: 0 };
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a new value for $state.raw
		const next = new Map(this.#directories);
		next.set(id, { ...known, ...change });
		this.#directories = next;
	}

	/** A room's events that the trust rule has judged, with their verdicts. */
	async #judged(read: DirectoryRoomRead): Promise<DirectoryArrival[]> {
		const judged = read.events.map((e) => ({ id: e.eventId, sender: e.sender }));
		// NOTE: judged before folding, so the directory never counts an event whose trust it does not know yet.
		await this.#trust.settle(judged, (eventId) => read.arrival(eventId));
		return read.events.flatMap((e) => {
			const verdict = this.#trust.verdict(e.eventId);
			return verdict === undefined ? [] : [{ eventId: e.eventId, sender: e.sender, content: e.content, verdict }];
		});
	}

	async #fold(network: string): Promise<void> {
		const read = this.#reads.get(network);
		if (read === undefined) return;
		const pointsRead = this.#pointsReads.get(network);
		const [events, points247] = await Promise.all([this.#judged(read), pointsRead === undefined ? undefined : this.#judged(pointsRead)]);
		if (this.#stopped) return;
		const view = foldDirectory({
			network: read.network as NetworkId,
			roster: this.#parties.roster,
			serverOf: this.#serverOf,
			events,
			memberships: read.memberships,
			...(points247 === undefined ? {} : { points247 }),
		});
		this.#update(read.network, { state: 'joined', view, undecrypted: read.undecrypted });
	}

	/** Whether the person reads the network's 24/7 room (one of its 24/7 points): only then may they keep someone's details for the points. */
	inPointsRoom(network: NetworkId): boolean {
		return this.#points?.roomOf(network) !== undefined;
	}

	/** Sends an entry about the person's own authority into a network's directory room. */
	async publish(network: NetworkId, payload: DirectoryPayload): Promise<Result<void, PublishProblem>> {
		const api = this.#api;
		const roomId = this.#feed?.roomOf(network);
		if (api === undefined) return err({ kind: 'not-ready' });
		if (roomId === undefined) return err({ kind: 'no-room' });
		if (!this.editorNetworks.includes(network)) return err({ kind: 'not-editor' });
		const split = payload.type === 'person' ? splitContact(payload.entry, payload.updated) : undefined;
		const detailsGiven = split?.contact?.phone !== undefined || split?.contact?.email !== undefined;
		// NOTE: an editor outside the 24/7 room who leaves the phone and e-mail
		// empty changes only the entry; the details already in the 24/7 room stay.
		if (split?.contact !== undefined && (detailsGiven || this.inPointsRoom(network))) {
			// The phone and e-mail first, into the 24/7 room; the entry without them only once they are there.
			const pointsRoom = this.#points?.roomOf(network);
			if (pointsRoom === undefined) return err({ kind: 'no-points-room' });
			const contact = await api.sendDirectoryPayload(this.#client, pointsRoom, split.contact);
			if (!contact.ok) return contact;
			this.#points?.refresh(pointsRoom);
		}
		const entry: DirectoryPayload = payload.type === 'person' && split !== undefined ? { ...payload, entry: split.entry } : payload;
		const sent = await api.sendDirectoryPayload(this.#client, roomId, entry);
		if (!sent.ok) return sent;
		this.#feed?.refresh(roomId);
		return ok(undefined);
	}

	/** Shares a person's card (usually one's own) with one person, in a new direct encrypted room. */
	async shareCard(to: string, entry: PersonEntry): Promise<Result<string, PublishProblem>> {
		const api = this.#api;
		if (api === undefined) return err({ kind: 'not-ready' });
		// NOTE: details kept for the 24/7 points stay out of a shared card (and
		// the readers' parser refuses an entry that says so and carries them).
		const shared = splitContact(entry, { at: isoNow(), by: this.userId }).entry;
		const payload: DirectoryPayload = { type: 'person', entry: shared, updated: { at: isoNow(), by: this.userId } };
		return api.shareCard(this.#client, to, payload, serializeVcards([shared]));
	}

	/** A stamp for what the person writes now. */
	stamp(at: string = isoNow()): { at: string; by: string } {
		return { at, by: this.userId };
	}
}

let current: { client: MatrixClient; directories: Directories } | undefined;

/** The one Directories of the page's Matrix client, started on first use. */
export function directoriesFor(client: MatrixClient, parties: CaseParties): Directories {
	if (current?.client !== client) {
		current?.directories.stop();
		const directories = new Directories(client, parties, typeof localStorage === 'undefined' ? undefined : localStorage);
		current = { client, directories };
		void directories.start();
	}
	return current.directories;
}
