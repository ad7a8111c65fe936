// Finds the client-API address of a person's homeserver from their Matrix ID
// (spec: Client-Server API, "Server Discovery"): GET
// https://<host>/.well-known/matrix/client, then check that the base URL it
// names answers /versions. When that cannot work — an IP-literal server name,
// as on the local federation, or no .well-known — the answer is to ask the
// person, suggesting the address this deployment's federation file lists for
// that server, if any. Network failures are values, never exceptions.
import { err, ok, type Result } from '../../../../policies/result.ts';
import type { MatrixIdInput } from './matrix-id.ts';
import { fetchClientVersions } from './versions.ts';

/** A homeserver this deployment knows (from its federation file). */
export interface KnownHomeserver {
	readonly serverName: string;
	readonly clientUrl: string;
}

export type AskReason =
	/** The server name is an IP address (or localhost): there is no host to ask for .well-known. */
	| 'ip-literal'
	/** The host has no usable .well-known/matrix/client. */
	| 'no-well-known'
	/** .well-known names a base URL that does not answer as a Matrix homeserver. */
	| 'well-known-unreachable';

export type Discovery =
	| { readonly kind: 'found'; readonly url: string }
	| { readonly kind: 'ask'; readonly reason: AskReason; readonly suggestion: string | undefined };

export const WELL_KNOWN_TIMEOUT_MS = 20_000;

export function wellKnownUrl(host: string): string {
	return `https://${host}/.well-known/matrix/client`;
}

/** The homeserver base URL in a .well-known/matrix/client body, trailing slashes removed. */
export function baseUrlFromWellKnown(body: unknown): Result<string> {
	const homeserver = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['m.homeserver'] : undefined;
	const baseUrl = typeof homeserver === 'object' && homeserver !== null ? (homeserver as Record<string, unknown>)['base_url'] : undefined;
	if (typeof baseUrl !== 'string') return err('no m.homeserver.base_url');
	const url = URL.parse(baseUrl);
	if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:')) return err('m.homeserver.base_url is not an http(s) URL');
	return ok(baseUrl.replace(/\/+$/, ''));
}

async function fetchWellKnown(host: string, fetchImpl: typeof fetch): Promise<Result<string>> {
	let response: Response;
	try {
		response = await fetchImpl(wellKnownUrl(host), {
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			signal: AbortSignal.timeout(WELL_KNOWN_TIMEOUT_MS),
		});
	} catch (error) {
		return err(error instanceof Error ? error.message : String(error));
	}
	if (!response.ok) return err(`HTTP ${response.status}`);
	try {
		return baseUrlFromWellKnown(await response.json());
	} catch {
		return err('not JSON');
	}
}

export function suggestionFor(serverName: string, known: readonly KnownHomeserver[]): string | undefined {
	return known.find((homeserver) => homeserver.serverName === serverName)?.clientUrl;
}

export async function discoverHomeserver(
	id: Pick<MatrixIdInput, 'serverName' | 'host' | 'hostKind'>,
	known: readonly KnownHomeserver[],
	fetchImpl: typeof fetch = fetch,
): Promise<Discovery> {
	const suggestion = suggestionFor(id.serverName, known);
	// NOTE: .well-known is looked up on the host without the port (spec: "Well-known URIs").
	// An IP literal or localhost has no certificate or web server to ask; trying
	// would only cost a slow link a timeout and the console an error.
	if (id.hostKind !== 'dns' || id.host === 'localhost' || id.host.endsWith('.localhost'))
		return { kind: 'ask', reason: 'ip-literal', suggestion };
	const baseUrl = await fetchWellKnown(id.host, fetchImpl);
	if (!baseUrl.ok) return { kind: 'ask', reason: 'no-well-known', suggestion };
	const versions = await fetchClientVersions(baseUrl.value, fetchImpl);
	if (!versions.ok) return { kind: 'ask', reason: 'well-known-unreachable', suggestion: suggestion ?? baseUrl.value };
	return { kind: 'found', url: baseUrl.value };
}

/** Checks and tidies a homeserver address the person typed: http(s) only, no trailing slash. */
export function parseHomeserverUrl(typed: string): Result<string, 'empty' | 'invalid'> {
	const text = typed.trim();
	if (text === '') return err('empty');
	// "matrix.example.org" means https://matrix.example.org.
	const url = URL.parse(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
	if (url === null || (url.protocol !== 'https:' && url.protocol !== 'http:') || url.hostname === '') return err('invalid');
	if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return err('invalid');
	return ok(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}
