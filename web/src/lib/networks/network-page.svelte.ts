// View model of one network's page (issue 13, "Plenaries as records"): where
// the person stands with the network's rooms (invited, joined), the plenaries
// folded from the plenary room by policies/plenary under the trust rule, who
// speaks for the secretariat there, and the actions — join the rooms;
// announce a plenary, put an item to the vote, close it, post and pin the
// minutes (the secretariat's staff); say whether one attends and vote (the
// members). It subscribes to the client for the network rooms' events and
// reads the plenary room again on each (a burst once). The Matrix side is
// loaded lazily so the SDK stays out of server rendering.
import {
	foldPlenaries,
	type Plenary,
	type PlenaryArrival,
	type PlenaryDocument,
	type PlenaryPayload,
	type PlenaryView,
} from '#policies/plenary/index.ts';
import { networkSecretariat, type NetworkSecretariat } from '#policies/network/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { NetworkId } from '#policies/roster/types.ts';
import type { CaseParties } from '../cases/case-rooms.svelte.ts';
import { EventTrust } from '../cases/event-trust.ts';
import type { Failure } from '../matrix/failure.ts';
import type { JoinNetworkProblem } from '../matrix/network-rooms.ts';
import type { MatrixClient } from '../matrix/sdk.ts';
import { decisionContent } from './announce-form.ts';
import { deployedServers, networkServerMap, secretariatAccounts } from './rooms.ts';

type RoomsApi = typeof import('../matrix/network-rooms.ts');
type ArrivalApi = typeof import('../matrix/arrival.ts');

let modules: Promise<[RoomsApi, ArrivalApi]> | undefined;

function loadModules(): Promise<[RoomsApi, ArrivalApi]> {
	modules ??= Promise.all([import('../matrix/network-rooms.ts'), import('../matrix/arrival.ts')]);
	modules.catch(() => (modules = undefined));
	return modules;
}

/** Where the person stands with the network's rooms. */
export type NetworkPhase =
	| 'opening'
	/** The roster names no secretariat for the network on Rogatory. */
	| 'no-secretariat'
	/** No invitation to the space yet (the person's bridge sends it). */
	| 'not-invited'
	| 'invited'
	| 'joining'
	| 'joined';

/** A file chosen for a plenary, read in the browser. */
export interface AttachedDocument {
	readonly name: string;
	readonly type: string;
	readonly bytes: Uint8Array;
}

export type ActionProblem =
	| { readonly kind: 'not-ready' }
	/** A document larger than an attachment may be. */
	| { readonly kind: 'too-large'; readonly name: string }
	/** A document whose download does not match its hash, or cannot be decrypted. */
	| { readonly kind: 'tampered' }
	| { readonly kind: 'no-room' }
	/** The space holds no plenary room yet. */
	| { readonly kind: 'no-plenary-room' }
	| JoinNetworkProblem
	| Failure;

export interface PlenaryRooms {
	readonly space?: string;
	readonly announcements?: string;
	readonly plenary?: string;
}

const EMPTY: PlenaryView = { plenaries: [], ignored: [] };

export class NetworkPage {
	readonly network: NetworkId;
	readonly #client: MatrixClient;
	readonly #parties: CaseParties;
	readonly #secretariat: NetworkSecretariat | undefined;
	#phase = $state<NetworkPhase>('opening');
	#rooms = $state.raw<PlenaryRooms>({});
	#view = $state.raw<PlenaryView>(EMPTY);
	#staff = $state(false);
	#postsAnnouncements = $state(false);
	#undecrypted = $state(0);
	#read = $state(false);
	readonly #trust = new EventTrust();
	#api: [RoomsApi, ArrivalApi] | undefined;
	#loadedHistory = false;
	/** Which read is the latest: an older one that ends later does not overwrite it. */
	#generation = 0;
	#scheduled = false;
	#unsubscribe: (() => void) | undefined;
	#stopped = false;

	constructor(client: MatrixClient, parties: CaseParties, network: NetworkId) {
		this.#client = client;
		this.#parties = parties;
		this.network = network;
		// NOTE: each authority's server in this deployment (the federation file's over the roster's), one per authority:
		// `parties.servers` also holds the roster's production names, which a local federation does not serve.
		this.#secretariat = networkSecretariat(parties.roster, network, { servers: deployedServers(parties.homeservers) });
		if (this.#secretariat === undefined) this.#phase = 'no-secretariat';
	}

	get phase(): NetworkPhase {
		return this.#phase;
	}
	get rooms(): PlenaryRooms {
		return this.#rooms;
	}
	get view(): PlenaryView {
		return this.#view;
	}
	/** Whether this person is of the secretariat's staff in the plenary room (power 50, given by its creator). */
	get isSecretariat(): boolean {
		return this.#staff;
	}
	/** Whether the announcements room lets this person post (the secretariat only); members see no composer. */
	get postsAnnouncements(): boolean {
		return this.#postsAnnouncements;
	}
	/** Messages of the plenary room this browser cannot decrypt (sent before the person joined). */
	get undecrypted(): number {
		return this.#undecrypted;
	}
	/** True once the plenary room has been read (its whole history) at least once. */
	get read(): boolean {
		return this.#read;
	}
	get userId(): string {
		return this.#client.getUserId() ?? '';
	}
	get secretariat(): NetworkSecretariat | undefined {
		return this.#secretariat;
	}
	/** How many authorities of the network are on Rogatory (a quorum cannot be more). */
	get authorities(): number {
		const authorities = networkServerMap(this.#parties.servers, this.#parties.roster, this.network).values();
		return [...authorities].filter((a, i, all) => all.indexOf(a) === i).length;
	}

	async start(): Promise<void> {
		if (this.#secretariat === undefined) return;
		const api = await loadModules();
		if (this.#stopped) return;
		this.#api = api;
		this.#unsubscribe = api[0].watchNetworkRooms(
			this.#client,
			() => [this.#rooms.space, this.#rooms.announcements, this.#rooms.plenary].filter((r): r is string => r !== undefined),
			() => this.#refresh(),
		);
		await this.#reread();
	}

	stop(): void {
		this.#stopped = true;
		this.#unsubscribe?.();
	}

	#refresh(): void {
		if (this.#scheduled) return;
		this.#scheduled = true;
		queueMicrotask(() => {
			this.#scheduled = false;
			void this.#reread();
		});
	}

	/** Finds the rooms again and folds the plenary room. */
	async #reread(): Promise<void> {
		const api = this.#api;
		const secretariat = this.#secretariat;
		if (api === undefined || secretariat === undefined || this.#stopped) return;
		const [rooms, arrival] = api;
		const generation = ++this.#generation;
		const found = rooms.networkRoomsOf(this.#client, this.network, secretariat.serviceAccount);
		const joined = (kind: string) => found.find((r) => r.kind === kind && r.membership === 'join')?.roomId;
		const space = found.find((r) => r.kind === 'space');
		const announcements = joined('announcements');
		const plenaryRoom = joined('plenary');
		const next: PlenaryRooms = {
			...(space === undefined ? {} : { space: space.roomId }),
			...(announcements === undefined ? {} : { announcements }),
			...(plenaryRoom === undefined ? {} : { plenary: plenaryRoom }),
		};
		if (JSON.stringify(next) !== JSON.stringify(this.#rooms)) this.#rooms = next;
		// NOTE: after a join the rooms arrive with a later sync: the page says "joining" until the plenary room is here.
		if (this.#phase !== 'joining' || next.plenary !== undefined)
			this.#phase =
				space === undefined ? 'not-invited' : space.membership === 'invite' || next.plenary === undefined ? 'invited' : 'joined';
		if (next.announcements !== undefined) {
			const power = rooms.powerOf(this.#client, next.announcements);
			this.#postsAnnouncements = power.mine >= power.toPost;
		}
		const roomId = next.plenary;
		const room = roomId === undefined ? null : this.#client.getRoom(roomId);
		if (roomId === undefined || room === null) return;
		if (!this.#loadedHistory) {
			this.#loadedHistory = true;
			try {
				await rooms.loadWholeHistory(this.#client, room);
			} catch {
				this.#loadedHistory = false;
			}
		}
		const power = rooms.powerOf(this.#client, roomId);
		const staff = secretariatAccounts(power.content, secretariat.serviceAccount);
		this.#staff = staff.has(this.userId);
		const events = rooms.plenaryEvents(room);
		// NOTE: judged before folding, so the page never counts an event whose trust it does not know yet.
		await this.#trust.settle(
			events.map((e) => ({ id: e.eventId, sender: e.sender })),
			(eventId) => {
				const event = room.findEventById(eventId);
				return event === undefined ? Promise.resolve(undefined) : arrival.readArrival(this.#client, event);
			},
		);
		if (this.#stopped || generation !== this.#generation) return;
		const arrivals: PlenaryArrival[] = events.flatMap((e) => {
			const verdict = this.#trust.verdict(e.eventId);
			return verdict === undefined ? [] : [{ ...e, verdict }];
		});
		this.#view = foldPlenaries(arrivals, {
			secretariat: staff,
			servers: networkServerMap(this.#parties.servers, this.#parties.roster, this.network),
		});
		this.#undecrypted = rooms.undecrypted(room);
		this.#read = true;
	}

	/** Joins the space from its invitation, then its rooms. */
	async join(): Promise<Result<void, ActionProblem>> {
		const api = this.#api;
		const secretariat = this.#secretariat;
		if (api === undefined || secretariat === undefined) return err({ kind: 'not-ready' });
		this.#phase = 'joining';
		const joined = await api[0].joinNetworkRooms(this.#client, this.network, secretariat.serviceAccount, secretariat.server);
		if (!joined.ok) {
			this.#phase = 'invited';
			return joined;
		}
		// NOTE: the space joined but no plenary room in it yet (the keeper makes it in a later round): said, not waited for.
		if (!joined.value.some((room) => room.kind === 'plenary')) {
			this.#phase = 'invited';
			return err({ kind: 'no-plenary-room' });
		}
		// The rooms arrive with the next sync; they are read then (watchNetworkRooms).
		this.#refresh();
		return ok(undefined);
	}

	#plenaryRoom(): Result<[RoomsApi, string], ActionProblem> {
		const api = this.#api;
		const roomId = this.#rooms.plenary;
		if (api === undefined) return err({ kind: 'not-ready' });
		if (roomId === undefined) return err({ kind: 'no-room' });
		return ok([api[0], roomId]);
	}

	async #sent(sending: Promise<Result<string, Failure>>): Promise<Result<string, ActionProblem>> {
		const sent = await sending;
		this.#refresh();
		return sent;
	}

	/** Announces (or updates) a plenary. */
	/** Announces a plenary, its documents first encrypted and uploaded (none sent if one fails). */
	async announce(plenary: Plenary, files: readonly AttachedDocument[] = []): Promise<Result<string, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		const documents: PlenaryDocument[] = [];
		if (files.length > 0) {
			const { uploadPlenaryDocument } = await import('../matrix/plenary-documents.ts');
			for (const file of files) {
				const uploaded = await uploadPlenaryDocument(this.#client, file);
				if (!uploaded.ok) return err(uploaded.error.kind === 'invalid-event' ? { kind: 'too-large', name: file.name } : uploaded.error);
				documents.push(uploaded.value);
			}
		}
		return this.#sent(api.sendPlenaryPayload(this.#client, roomId, { type: 'plenary', plenary: { ...plenary, documents } }));
	}

	/** A plenary document's bytes, decrypted after its hash is checked. */
	async downloadDocument(document: PlenaryDocument): Promise<Result<Uint8Array, ActionProblem>> {
		const { downloadPlenaryDocument } = await import('../matrix/plenary-documents.ts');
		const bytes = await downloadPlenaryDocument(this.#client, document);
		return bytes.ok ? bytes : err(bytes.error.kind === 'tampered' ? { kind: 'tampered' } : bytes.error);
	}

	/** Says whether the person attends. */
	async attend(plenary: string, attending: boolean): Promise<Result<string, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		return this.#sent(api.sendPlenaryPayload(this.#client, roomId, { type: 'attendance', plenary, attending }));
	}

	/** Puts an agenda item to the vote. */
	async startVote(plenary: Plenary, item: string, question: string, quorum: number): Promise<Result<string, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		const content = decisionContent(plenary, item, question, quorum);
		if (!content.ok) return err({ kind: 'unexpected', detail: content.error });
		return this.#sent(api.sendPollStart(this.#client, roomId, content.value));
	}

	/** Votes on a decision poll (an answer ID of the poll). */
	async vote(poll: string, answer: string): Promise<Result<string, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		return this.#sent(api.sendVote(this.#client, roomId, poll, answer));
	}

	/** Closes a vote; `text` is what a client without polls shows. */
	async closeVote(poll: string, text: string): Promise<Result<string, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		return this.#sent(api.sendPollEnd(this.#client, roomId, poll, text));
	}

	/** Posts the minutes, then pins them (the staff may); resolves with whether the pin went through. */
	async postMinutes(payload: PlenaryPayload): Promise<Result<{ pinned: boolean }, ActionProblem>> {
		const room = this.#plenaryRoom();
		if (!room.ok) return room;
		const [api, roomId] = room.value;
		const sent = await this.#sent(api.sendPlenaryPayload(this.#client, roomId, payload));
		if (!sent.ok) return sent;
		const pinned = await api.pinEvent(this.#client, roomId, sent.value);
		return ok({ pinned: pinned.ok });
	}
}

let current: { client: MatrixClient; network: NetworkId; page: NetworkPage } | undefined;

/** The page's view model for a network, started on first use (one at a time). */
export function networkPageFor(client: MatrixClient, parties: CaseParties, network: NetworkId): NetworkPage {
	if (current?.client !== client || current.network !== network) {
		current?.page.stop();
		const page = new NetworkPage(client, parties, network);
		current = { client, network, page };
		void page.start();
	}
	return current.page;
}
