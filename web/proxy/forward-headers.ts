// The headers the proxy passes on, each way. Toward the homeserver: the
// request's own end-to-end headers (Authorization included: it is the
// person's Matrix access token), never the hop-by-hop ones (RFC 9110, 7.6.1:
// Connection and every header it names, Keep-Alive, TE, Trailer,
// Transfer-Encoding, Upgrade, Proxy-*), never the app's own cookies or the
// browser's Origin and Referer (the homeserver has no business with them), and
// X-Forwarded-For set to the one address the web server saw — not appended
// to, so a browser cannot choose the address the homeserver logs. Back to the
// browser: the homeserver's headers without the hop-by-hop ones, without
// Set-Cookie (a homeserver never sets a cookie on the app's origin), without
// its CORS and policy headers (the app's own security headers stand), and
// without its length and encoding when the proxy compresses the body itself.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';

const HOP_BY_HOP = new Set([
	'connection',
	'keep-alive',
	'proxy-authenticate',
	'proxy-authorization',
	'proxy-connection',
	'te',
	'trailer',
	'transfer-encoding',
	'upgrade',
]);

/** What the browser sends that the homeserver is not told. */
const NOT_FORWARDED = new Set([
	'host',
	'cookie',
	'origin',
	'referer',
	'forwarded',
	'x-forwarded-for',
	'x-forwarded-host',
	'x-forwarded-proto',
	'x-real-ip',
	'accept-encoding',
	'expect',
]);

/** What the homeserver answers that the browser is not given. */
const NOT_RETURNED = new Set(['set-cookie', 'content-security-policy', 'x-frame-options', 'strict-transport-security', 'server']);

/** The header names a Connection header lists (they are hop-by-hop too). */
function connectionNamed(headers: IncomingHttpHeaders): Set<string> {
	const value = headers['connection'];
	const text = Array.isArray(value) ? value.join(',') : (value ?? '');
	return new Set(
		text
			.split(',')
			.map((name) => name.trim().toLowerCase())
			.filter((name) => name !== ''),
	);
}

/** A value Node would refuse to write (CR, LF, NUL or another control character): such a header is dropped, not passed on. */
const unsafeValue = (value: string): boolean =>
	[...value].some((character) => {
		const code = character.charCodeAt(0);
		return (code < 0x20 && code !== 0x09) || code === 0x7f;
	});

function copyHeaders(headers: IncomingHttpHeaders, dropped: (name: string) => boolean): OutgoingHttpHeaders {
	const copied: OutgoingHttpHeaders = {};
	for (const [name, value] of Object.entries(headers)) {
		const lower = name.toLowerCase();
		if (value === undefined || dropped(lower)) continue;
		const values = Array.isArray(value) ? value : [value];
		if (values.some(unsafeValue)) continue;
		copied[lower] = Array.isArray(value) ? [...value] : value;
	}
	return copied;
}

/** The headers for the homeserver. `clientAddress`: the browser's address, as the web server saw it. */
export function requestHeaders(headers: IncomingHttpHeaders, clientAddress: string | undefined): OutgoingHttpHeaders {
	const named = connectionNamed(headers);
	const forwarded = copyHeaders(
		headers,
		(name) => HOP_BY_HOP.has(name) || named.has(name) || NOT_FORWARDED.has(name) || name.startsWith('access-control-request-'),
	);
	// The proxy compresses toward the browser itself; from the homeserver it asks for the plain body.
	forwarded['accept-encoding'] = 'identity';
	if (clientAddress !== undefined && !unsafeValue(clientAddress)) forwarded['x-forwarded-for'] = clientAddress;
	return forwarded;
}

/** The homeserver's headers for the browser; `recompressed`: the proxy encodes the body itself (length and encoding are its own). */
export function responseHeaders(headers: IncomingHttpHeaders, recompressed: boolean): OutgoingHttpHeaders {
	const named = connectionNamed(headers);
	return copyHeaders(
		headers,
		(name) =>
			HOP_BY_HOP.has(name) ||
			named.has(name) ||
			NOT_RETURNED.has(name) ||
			name.startsWith('access-control-') ||
			(recompressed && (name === 'content-length' || name === 'content-encoding')),
	);
}
