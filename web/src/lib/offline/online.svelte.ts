// Whether this browser says it has a network (navigator.onLine and its
// online/offline events), as state a component can read. "Online" proves
// little (a network, not a homeserver: the session's own sync says that);
// "offline" is certain, and then the app is running from what it kept.
export class BrowserNetwork {
	#online = $state(true);

	constructor(target: Pick<Window, 'addEventListener'> & { readonly navigator: Pick<Navigator, 'onLine'> }) {
		this.#online = target.navigator.onLine;
		target.addEventListener('online', () => (this.#online = true));
		target.addEventListener('offline', () => (this.#online = false));
	}

	get offline(): boolean {
		return !this.#online;
	}
}
