// The security headers every answer of the web server carries — pages, API
// routes, downloads and static files alike (web/server.ts sets them before
// SvelteKit or the static file server answer; a page's own
// Content-Security-Policy then replaces the resource policy). Why each is
// what it is: docs/decisions.md, "Security headers on every answer".
import { RESOURCE_POLICY, SERVICE_WORKER_POLICY } from './csp.ts';

/** One year, the HSTS preload lists' minimum; the app and its API live on one host, so no includeSubDomains. */
export const HSTS = 'max-age=31536000';

/**
 * Browser features the app never uses, switched off for it and anything it
 * might ever embed. NOTE: only names Chromium knows: an unknown one is
 * logged as a console error on every page. The clipboard stays allowed
 * (the recovery key is copied).
 */
const DENIED_FEATURES = [
	'accelerometer',
	'display-capture',
	'encrypted-media',
	'fullscreen',
	'geolocation',
	'gyroscope',
	'magnetometer',
	'microphone',
	'midi',
	'payment',
	'picture-in-picture',
	'publickey-credentials-get',
	'screen-wake-lock',
	'serial',
	'usb',
	'xr-spatial-tracking',
] as const;

/**
 * Features the app's own pages may use, and nothing it embeds: the camera,
 * to scan another person's verification QR code (lib/people/qr-read.ts), and
 * autoplay for its preview (play() comes after the camera permission prompt,
 * which may outlast the click's user activation). The app plays no other media.
 */
const OWN_FEATURES = ['autoplay', 'camera'] as const;

export const PERMISSIONS_POLICY = [
	...DENIED_FEATURES.map((feature) => `${feature}=()`),
	...OWN_FEATURES.map((feature) => `${feature}=(self)`),
].join(', ');

/** The service worker's script (Kit writes it at the build's root; web/src/service-worker.ts). */
const SERVICE_WORKER_PATH = '/service-worker.js';

/**
 * The headers for one answer; HSTS only when the browser reached the app over
 * TLS (see tlsFromProxy). `path`: the request's path — the service worker's
 * script gets the policy it runs under (SERVICE_WORKER_POLICY), which lets it
 * fetch the app's files; everything else the resource policy.
 */
export function securityHeaders(options: { readonly tls: boolean; readonly path?: string | undefined }): Record<string, string> {
	const worker = options.path?.split('?')[0] === SERVICE_WORKER_PATH;
	return {
		'Content-Security-Policy': worker ? SERVICE_WORKER_POLICY : RESOURCE_POLICY,
		'Referrer-Policy': 'no-referrer',
		'X-Content-Type-Options': 'nosniff',
		'X-Frame-Options': 'DENY',
		'Cross-Origin-Opener-Policy': 'same-origin',
		'Cross-Origin-Resource-Policy': 'same-origin',
		'Permissions-Policy': PERMISSIONS_POLICY,
		...(options.tls ? { 'Strict-Transport-Security': HSTS } : {}),
	};
}

/**
 * Whether the browser reached the app over TLS. The Node server itself
 * speaks plain HTTP only; TLS ends at a reverse proxy, and only the proxy can
 * say the connection was https — in the header that adapter-node's own
 * PROTOCOL_HEADER setting names (e.g. x-forwarded-proto). Without that
 * setting the app is served as it is reached: over plain HTTP, where
 * Strict-Transport-Security has no place (RFC 6797, 7.2).
 * NOTE: not the request URL: with no PROTOCOL_HEADER adapter-node guesses
 * https for every URL (see lib/server/sessions/cookie.ts).
 */
export function tlsFromProxy(protocolHeader: string | undefined, value: string | readonly string[] | undefined): boolean {
	if (protocolHeader === undefined || protocolHeader.trim() === '') return false;
	const first = typeof value === 'string' ? value : value?.[0];
	return typeof first === 'string' && first.trim().toLowerCase() === 'https';
}
