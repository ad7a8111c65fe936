// What the app shell shows about its deployment: plain, serialisable data that
// the server load builds from the federation file and the roster, and that the
// page renders. No Matrix SDK, no DOM.

/** One homeserver of the deployment, as the federation file describes it. */
export interface HomeserverView {
	/** The roster's authority id when the homeserver belongs to an authority. */
	readonly id: string;
	readonly serverName: string;
	/** Base URL of the client-server API, as the browser reaches it. */
	readonly clientUrl: string;
}

export interface AuthorityView {
	readonly id: string;
	readonly name: string;
	/** ISO 3166-1 alpha-2, e.g. "GT". */
	readonly country: string;
	readonly observer: boolean;
	readonly homeserver: HomeserverView;
}

export interface NetworkView {
	readonly id: string;
	/** In English. */
	readonly name: string;
	/** In the five languages, when the roster gives them. */
	readonly names?: Readonly<Record<string, string>>;
	readonly region: string;
	readonly authorities: readonly AuthorityView[];
}

export interface DeploymentView {
	readonly profile: string;
	/** Networks with at least one authority whose homeserver is in this deployment, in roster order. */
	readonly networks: readonly NetworkView[];
	/** Homeservers in the federation file that no roster authority claims. */
	readonly unlisted: readonly HomeserverView[];
	/**
	 * Homeservers of roster authorities, each once, in file order: the only ones
	 * the browser signs in to or talks to (not the unlisted ones).
	 */
	readonly members: readonly HomeserverView[];
	/** Every homeserver in the federation file, each once, in file order. */
	readonly homeservers: readonly HomeserverView[];
}

/** Why the deployment could not be described; the page says so in the reader's language. */
export type DeploymentProblem =
	{ readonly kind: 'unset' } | { readonly kind: 'unreadable' } | { readonly kind: 'malformed'; readonly detail: string };
