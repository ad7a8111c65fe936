// View models of the other people's trust and of verifying them (issue 12):
// PeopleTrust answers "is this person verified, or did their identity
// change?" for every place that shows a person, kept current by the crypto;
// PeopleVerifications holds the verification on screen, started here
// ("Verify") or asked by the other person (accepted on screen). A changed
// identity being verified again stays shown as changed until settled
// (changed-identities.ts). One People
// per Matrix client, made by the signed-in layout so that a request is seen
// on any page. The Matrix side (lib/matrix/people-api.ts) is loaded lazily.
// The authority's bridge bot is verified the same way, asked by to-device
// message (startBot; lib/people/bot.ts says who is offered it).
import { SvelteMap } from 'svelte/reactivity';
import type { Failure } from '../matrix/failure.ts';
import type { SasState, ScanProblem, UserTrust } from '../matrix/people-api.ts';
import type { MatrixClient, VerificationRequest } from '../matrix/sdk.ts';
import { ChangedIdentities, shownTrust } from './changed-identities.ts';
import { UserVerification, type VerifiedParty } from './user-verification.svelte.ts';

export type PeopleApi = typeof import('../matrix/people-api.ts');

let api: Promise<PeopleApi> | undefined;

/** The Matrix side, loaded once per page; a failed load (offline) is tried again at the next ask. */
export function loadPeopleApi(): Promise<PeopleApi> {
	api ??= import('../matrix/people-api.ts');
	api.catch(() => (api = undefined));
	return api;
}

export class PeopleTrust {
	/** This user. */
	readonly userId: string;
	readonly #client: MatrixClient;
	readonly #api: PeopleApi;
	readonly #trust = new SvelteMap<string, UserTrust>();
	// NOTE: not state: which people were asked for is no one's to show.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #asked = new Set<string>();
	readonly #changed: ChangedIdentities;
	readonly #unwatch: () => void;

	constructor(client: MatrixClient, matrix: PeopleApi) {
		this.#client = client;
		this.userId = client.getSafeUserId();
		this.#api = matrix;
		this.#changed = new ChangedIdentities(typeof localStorage === 'undefined' ? undefined : localStorage, client.getSafeUserId());
		this.#unwatch = matrix.watchUserTrust(client, (userId) => void this.#read(userId));
	}

	/** The person's trust, once read (asked on first use). */
	trustOf(userId: string): UserTrust | undefined {
		if (!this.#asked.has(userId)) {
			this.#asked.add(userId);
			queueMicrotask(() => void this.#read(userId));
		}
		return this.#trust.get(userId);
	}

	/** Accepts the person's new identity after checking it with them another way; false when the crypto refused. */
	async accept(userId: string): Promise<boolean> {
		const accepted = await this.#api.acceptNewIdentity(this.#client, userId);
		if (accepted.ok) this.#changed.settle(userId);
		await this.#read(userId);
		return accepted.ok;
	}

	/** The person is being verified again: while their identity is shown as changed, it stays so until settled. */
	reverifying(userId: string): void {
		if (this.#trust.get(userId) === 'changed') this.#changed.remember(userId);
	}

	/** Reads the person's trust again (a verification finished). */
	refresh(userId: string): Promise<void> {
		return this.#read(userId);
	}

	dispose(): void {
		this.#unwatch();
	}

	async #read(userId: string): Promise<void> {
		try {
			const trust = await this.#api.readUserTrust(this.#client, userId);
			if (trust === 'verified') this.#changed.settle(userId);
			this.#trust.set(userId, shownTrust(trust, this.#changed.has(userId)));
		} catch {
			// Read again at the next change the crypto reports.
		}
	}
}

export class PeopleVerifications {
	readonly #client: MatrixClient;
	readonly #api: PeopleApi;
	readonly #trust: PeopleTrust;
	#current = $state<UserVerification | undefined>();
	#starting = $state<string | undefined>();
	#problem = $state<Failure | undefined>();
	readonly #unwatch: () => void;

	constructor(client: MatrixClient, matrix: PeopleApi, trust: PeopleTrust) {
		this.#client = client;
		this.#api = matrix;
		this.#trust = trust;
		const unwatchRequests = matrix.watchUserVerificationRequests(client, (request) => {
			if (this.busy) return void request.cancel().catch(() => {});
			this.#show(request);
		});
		const unjoin = matrix.joinDirectRoomsFromKnownPeople(client);
		this.#unwatch = () => {
			unwatchRequests();
			unjoin();
		};
	}

	get current(): UserVerification | undefined {
		return this.#current;
	}

	/** The person a verification is being asked of, until the request is sent. */
	get starting(): string | undefined {
		return this.#starting;
	}

	get problem(): Failure | undefined {
		return this.#problem;
	}

	/** A verification is on screen and not finished. */
	get busy(): boolean {
		const kind = this.#current?.state.kind;
		return kind !== undefined && kind !== 'done' && kind !== 'cancelled';
	}

	/** Asks the person to verify each other. */
	async start(userId: string): Promise<void> {
		if (this.#starting !== undefined || this.busy) return;
		this.#starting = userId;
		this.#problem = undefined;
		this.#trust.reverifying(userId);
		const request = await this.#api.requestUserVerification(this.#client, userId);
		this.#starting = undefined;
		if (!request.ok) {
			this.#problem = request.error;
			return;
		}
		this.#show(request.value);
	}

	/** Asks the authority's bridge bot (`name`: how the page names it) to verify each other; it shows a code to paste. */
	async startBot(botId: string, name: string): Promise<void> {
		if (this.#starting !== undefined || this.busy) return;
		this.#starting = botId;
		this.#problem = undefined;
		this.#trust.reverifying(botId);
		const request = await this.#api.requestBotVerification(this.#client, botId);
		this.#starting = undefined;
		if (!request.ok) {
			this.#problem = request.error;
			return;
		}
		this.#show(request.value, { bot: true, name });
	}

	/** Closes the verification on screen (cancelling it if it is not finished). */
	dismiss(): void {
		this.#current?.cancel();
		this.#current?.dispose();
		this.#current = undefined;
		this.#problem = undefined;
	}

	dispose(): void {
		this.#unwatch();
		this.#current?.dispose();
	}

	#show(request: VerificationRequest, options: VerifiedParty = {}): void {
		this.#current?.dispose();
		const userId = request.otherUserId;
		this.#current = new UserVerification(
			this.#api,
			request,
			(state: SasState) => {
				if (state.kind === 'done') void this.#trust.refresh(userId);
			},
			options,
		);
	}
}

export interface People {
	readonly trust: PeopleTrust;
	readonly verifications: PeopleVerifications;
}

let current: { readonly client: MatrixClient; readonly people: Promise<People> } | undefined;

/** The people view models of this client, made once (the previous client's are stopped). */
export function peopleFor(client: MatrixClient): Promise<People> {
	if (current?.client !== client) {
		const previous = current?.people;
		void previous?.then((people) => {
			people.verifications.dispose();
			people.trust.dispose();
		});
		const people = loadPeopleApi().then((matrix) => {
			const trust = new PeopleTrust(client, matrix);
			return { trust, verifications: new PeopleVerifications(client, matrix, trust) };
		});
		people.catch(() => (current = undefined));
		current = { client, people };
	}
	return current.people;
}

export type { ScanProblem, UserTrust };
