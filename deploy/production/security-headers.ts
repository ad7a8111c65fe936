// The response headers nginx adds on the homeserver's host (the web app's
// own server, web/server.ts, sets its fuller set on every page itself). HSTS
// because every client and peer reaches the host over TLS; nosniff, no
// framing and no referrer because Synapse serves JSON and media, never pages
// to frame or links to follow. Pure.

export const HOMESERVER_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
	['Strict-Transport-Security', 'max-age=63072000; includeSubDomains'],
	['X-Content-Type-Options', 'nosniff'],
	['X-Frame-Options', 'DENY'],
	['Referrer-Policy', 'no-referrer'],
	['Content-Security-Policy', "frame-ancestors 'none'"],
];

/**
 * The add_header lines, with `always` so errors carry them too.
 * NOTE: nginx drops a server's add_header lines in any location that has one
 * of its own, so a location adding a header repeats these (reverse-proxy.ts).
 */
export const securityHeaderLines = (indent: string): string =>
	HOMESERVER_SECURITY_HEADERS.map(([name, value]) => `${indent}add_header ${name} "${value}" always;`).join('\n');
