// Which homeserver, and which of its paths, a request to the same-origin
// Matrix proxy asks for: `/matrix/<server name>/_matrix/…` goes to that
// member homeserver's client URL (as the federation file gives it), the
// `/_matrix/…` part and the query passed on as they came. Anything else is
// refused with the status that says why — never forwarded: a server name
// the deployment does not list (the proxy is not open), a path outside the
// client and media APIs, a dot segment (raw or percent-encoded), a
// backslash, a control character or an empty segment before the last (no
// climbing out of `/_matrix/`). Pure: no I/O, so every refusal is tested alone.
import { err, ok, type Result } from '#policies/result.ts';

/** The proxy's prefix: `/matrix/<server name>` stands for that homeserver's client URL. */
export const PROXY_PREFIX = '/matrix/';

/** The APIs the browser uses: the client-server API and media. Never federation, keys or admin. */
const ALLOWED = /^\/_matrix\/(client|media)\//;

export interface ProxyTarget {
	/** The member homeserver's server name, as the request named it. */
	readonly serverName: string;
	/** The URL to ask: the homeserver's client URL, the path and the query as they came. */
	readonly url: URL;
}

export type Refusal =
	/** The path or query cannot be passed on safely. */
	| { readonly status: 400; readonly reason: string }
	/** No member homeserver by that name, or not an API the browser uses. */
	| { readonly status: 404; readonly reason: string };

const bad = (reason: string): Result<never, Refusal> => err({ status: 400, reason });
const notFound = (reason: string): Result<never, Refusal> => err({ status: 404, reason });

/** Whether the request's path is the proxy's at all (everything else is the app's). */
export function isProxyPath(rawUrl: string): boolean {
	return rawUrl.startsWith(PROXY_PREFIX);
}

function decodedSegment(segment: string): string | undefined {
	try {
		return decodeURIComponent(segment);
	} catch {
		return undefined;
	}
}

/**
 * The target of a request, from its raw request-target (Node's `request.url`)
 * and the member homeservers' client URLs by server name.
 */
export function proxyTarget(rawUrl: string, members: ReadonlyMap<string, string>): Result<ProxyTarget, Refusal> {
	if (!isProxyPath(rawUrl)) return notFound('not a proxy path');
	// Characters a request line can carry that no Matrix path needs: refused before anything is split.
	if ([...rawUrl].some((character) => character <= ' ' || character === '\x7f' || character === '\\' || character === '#'))
		return bad('the path holds a character no Matrix path has');
	const queryAt = rawUrl.indexOf('?');
	const path = queryAt < 0 ? rawUrl : rawUrl.slice(0, queryAt);
	const query = queryAt < 0 ? '' : rawUrl.slice(queryAt);
	const afterPrefix = path.slice(PROXY_PREFIX.length);
	const slash = afterPrefix.indexOf('/');
	if (slash <= 0) return notFound('no homeserver path after the server name');
	const serverName = decodedSegment(afterPrefix.slice(0, slash));
	if (serverName === undefined) return bad('the server name is not valid percent-encoding');
	const clientUrl = members.get(serverName);
	if (clientUrl === undefined) return notFound('not a homeserver of this deployment');
	const rest = afterPrefix.slice(slash);
	const segments = rest.split('/').slice(1);
	for (const [index, segment] of segments.entries()) {
		// NOTE: a trailing slash is the API's own (GET /pushrules/); an empty segment anywhere else is not.
		if (segment === '' && index < segments.length - 1) return bad('the path has an empty segment');
		const decoded = decodedSegment(segment);
		if (decoded === undefined) return bad('the path is not valid percent-encoding');
		if (decoded === '.' || decoded === '..') return bad('the path has a dot segment');
	}
	if (!ALLOWED.test(rest)) return notFound('only the Matrix client and media APIs are passed on');
	const base = URL.parse(clientUrl);
	if (base === null || (base.protocol !== 'http:' && base.protocol !== 'https:')) return notFound('the homeserver has no usable address');
	const basePath = base.pathname.replace(/\/+$/, '');
	const url = URL.parse(`${base.origin}${basePath}${rest}${query}`);
	// NOTE: checked after the fact too: whatever the parser made of it, it is this homeserver, under its path.
	if (url === null || url.origin !== base.origin || !url.pathname.startsWith(`${basePath}/_matrix/`))
		return bad('the path does not stay on the homeserver');
	return ok({ serverName, url });
}
