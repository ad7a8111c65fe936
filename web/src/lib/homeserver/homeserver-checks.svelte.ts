// View model of the homeservers' live status, checked from the browser: each
// homeserver is checking, reachable (with its newest Matrix version) or
// unreachable (the reason kept for the console), and when it was last checked.
import type { HomeserverView } from '../deployment/types.ts';
import { sameOriginClientUrl } from './same-origin.ts';
import { fetchClientVersions, latestSpecVersion, type FetchVersions } from '../matrix/versions.ts';

export type HomeserverCheck =
	| { readonly state: 'checking' }
	| { readonly state: 'reachable'; readonly latestVersion: string | undefined; readonly checkedAt: number }
	| { readonly state: 'unreachable'; readonly reason: string; readonly checkedAt: number };

const CHECKING: HomeserverCheck = { state: 'checking' };

export class HomeserverChecks {
	readonly #homeservers: readonly HomeserverView[];
	readonly #fetchVersions: FetchVersions;
	#checks = $state<Readonly<Record<string, HomeserverCheck>>>({});
	/** Answers from an earlier round that arrive late are dropped. */
	#round = 0;

	readonly #clientUrl: (homeserver: HomeserverView) => string;

	constructor(
		homeservers: readonly HomeserverView[],
		fetchVersions: FetchVersions = (url) => fetchClientVersions(url),
		/** Where the browser asks: through the app's own server (same-origin.ts). */
		clientUrl: (homeserver: HomeserverView) => string = (homeserver) => sameOriginClientUrl(homeserver.serverName),
	) {
		this.#homeservers = homeservers;
		this.#fetchVersions = fetchVersions;
		this.#clientUrl = clientUrl;
	}

	get total(): number {
		return this.#homeservers.length;
	}

	get checked(): number {
		return this.#homeservers.filter((hs) => this.of(hs.id).state !== 'checking').length;
	}

	get reachable(): number {
		return this.#homeservers.filter((hs) => this.of(hs.id).state === 'reachable').length;
	}

	get busy(): boolean {
		return this.checked < this.total;
	}

	of(id: string): HomeserverCheck {
		return this.#checks[id] ?? CHECKING;
	}

	/** Checks every homeserver at once; each result shows as soon as it arrives. */
	async checkAll(): Promise<void> {
		this.#round += 1;
		this.#checks = {};
		const round = this.#round;
		await Promise.all(this.#homeservers.map((hs) => this.#check(hs, round)));
	}

	async #check(homeserver: HomeserverView, round: number): Promise<void> {
		const answer = await this.#fetchVersions(this.#clientUrl(homeserver));
		if (round !== this.#round) return;
		const checkedAt = Date.now();
		// The browser's or the homeserver's own words are for the console, never the page (issue 11).
		if (!answer.ok) console.debug('[homeserver status]', homeserver.id, answer.error);
		const result: HomeserverCheck = answer.ok
			? { state: 'reachable', latestVersion: latestSpecVersion(answer.value), checkedAt }
			: { state: 'unreachable', reason: answer.error, checkedAt };
		this.#checks = { ...this.#checks, [homeserver.id]: result };
	}
}
