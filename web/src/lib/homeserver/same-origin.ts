// Where the browser reaches a member homeserver's client API: through the
// web app's own server, same-origin (web/proxy/), at
// `<the app's origin>/matrix/<server name>`. No request of the browser goes
// to a homeserver's own address — so no CORS preflight before each call on a
// slow line, and the page's policy lets it connect to the app only. The
// proxy passes requests on to the deployment's member homeservers only.
import { parseUserIdInput } from '../matrix/matrix-id.ts';

/** The proxy's path for a server name; the characters a server name may hold stay as they are. */
export function sameOriginPath(serverName: string): string {
	return `/matrix/${encodeURIComponent(serverName).replace(/%3A/gi, ':').replace(/%5B/gi, '[').replace(/%5D/gi, ']')}`;
}

/** The client API's base URL, for the SDK and plain fetch, of the homeserver named `serverName`. */
export function sameOriginClientUrl(serverName: string, origin: string = globalThis.location.origin): string {
	return `${origin}${sameOriginPath(serverName)}`;
}

/** The base URL for a Matrix ID's own homeserver (its server name), or undefined for text that is no Matrix ID. */
export function clientUrlForUser(userId: string, origin: string = globalThis.location.origin): string | undefined {
	const parsed = parseUserIdInput(userId);
	return parsed.ok ? sameOriginClientUrl(parsed.value.serverName, origin) : undefined;
}
