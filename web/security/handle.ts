// The request hook's part for the Content-Security-Policy: a page may
// connect to the app itself and to the member homeservers of this
// deployment, whose client URLs are read at run time (the federation file
// and the roster, as the pages read them) — SvelteKit's csp option is fixed
// at build time, so they are added to each page's header here. A homeserver
// outside the roster (the outsider) is never added: a browser on this app
// cannot send it anything, whatever script runs in the page.
import type { Handle } from '@sveltejs/kit/hooks';
import { homeserverSources, withConnectSources } from './csp.ts';

export interface CspHandleDeps {
	/** The client URLs of the deployment's member homeservers (none when the deployment cannot be read). */
	readonly memberClientUrls: () => Promise<readonly string[]>;
}

const CSP = 'content-security-policy';

export function cspHandle(deps: CspHandleDeps): Handle {
	return async ({ event, resolve }) => {
		const response = await resolve(event);
		const policy = response.headers.get(CSP);
		// Only pages carry a policy from Kit; everything else gets the resource policy (web/server.ts).
		if (policy === null) return response;
		const sources = homeserverSources(await deps.memberClientUrls());
		response.headers.set(CSP, withConnectSources(policy, sources));
		return response;
	};
}
