// The web app's server: adapter-node's built server (build/index.js, with
// all its settings — HOST, PORT, PROTOCOL_HEADER, graceful shutdown…) plus
// the security headers on every answer, static files included. Start it
// with `node web/server.ts` (npm start and the tests do, through
// scripts/web-server.ts); ROGATORY_WEB_BUILD names another build folder.
// It also answers the Matrix client API of the member homeservers
// same-origin (web/proxy/). The roster and site files (ROGATORY_ROSTER, ROGATORY_SITE) are checked
// first: a broken or missing one stops it with one paragraph naming the file,
// the line and the key, before the app is imported and anything listens.
// NOTE: adapter-node serves static files before SvelteKit's hooks run, so
// only a listener on the server itself reaches them.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MAX_ATTACHMENT_BYTES } from '#policies/attachments/limits.ts';
import { cryptoWasmPath, needsCrypto, preloadLink } from './crypto-preload.ts';
import { addressSettings } from './proxy/client-address.ts';
import { federationMembers } from './proxy/members.ts';
import { matrixProxy } from './proxy/proxy.ts';
import { isProxyPath } from './proxy/route.ts';
import { securityHeaders, tlsFromProxy } from './security/headers.ts';
import { cannotStart, readWebDeployment } from './src/lib/server/roster/read.ts';

const deployment = readWebDeployment({ roster: process.env['ROGATORY_ROSTER'], site: process.env['ROGATORY_SITE'] });
if (!deployment.ok) {
	console.error(cannotStart(deployment.error));
	process.exit(1);
}

const build = resolve(process.env['ROGATORY_WEB_BUILD'] ?? join(import.meta.dirname, '..', 'build'));
const protocolHeader = process.env['PROTOCOL_HEADER']?.toLowerCase();
// The crypto's WebAssembly, preloaded by the pages that need it (crypto-preload.ts).
const wasm = cryptoWasmPath(build);

function addHeaders(request: IncomingMessage, response: ServerResponse): void {
	const tls = protocolHeader === undefined ? false : tlsFromProxy(protocolHeader, request.headers[protocolHeader]);
	// Set before any handler writes: headers it sets with the same name (a page's own policy) replace these.
	for (const [name, value] of Object.entries(securityHeaders({ tls, path: request.url }))) response.setHeader(name, value);
	// NOTE: a 304 updates the headers of the browser's cached copy (RFC 9111, 4.3.4), and
	// SvelteKit's 304 for a page carries no policy of its own: the resource policy would
	// replace the page's, and the cached page would then run none of its scripts. A 304
	// says nothing about the policy, so the cached copy keeps the one it came with.
	const writeHead = response.writeHead.bind(response) as (...args: unknown[]) => ServerResponse;
	const preload = wasm !== undefined && needsCrypto(request.method, request.url) ? preloadLink(wasm) : undefined;
	response.writeHead = (statusCode: number, ...rest: unknown[]) => {
		if (statusCode === 304) response.removeHeader('Content-Security-Policy');
		// Added to the page's own Link header (SvelteKit may write its module preloads there).
		if (statusCode === 200 && preload !== undefined) {
			const existing = response.getHeader('Link');
			response.setHeader('Link', existing === undefined ? preload : `${String(existing)}, ${preload}`);
		}
		return writeHead(statusCode, ...rest);
	};
}

/** How long a request's body may take to arrive (Node's default is 5 minutes). */
const UPLOAD_REQUEST_TIMEOUT_MS = 20 * 60_000;

// The same-origin Matrix proxy (web/proxy/proxy.ts): /matrix/<server name>/_matrix/… to the member homeservers.
const proxy = matrixProxy({
	members: federationMembers(deployment.value.deployment.runtime, process.env['ROGATORY_FEDERATION']),
	address: addressSettings(process.env),
	maxBodyBytes: 10 * 1024 * 1024,
	maxUploadBytes: MAX_ATTACHMENT_BYTES,
	idleTimeoutMs: 120_000,
});

// NOTE: importing build/index.js starts its server and adds its listener;
// ours replaces it right after, and calls it for everything that is not the
// proxy's. No request can come in between: a request arrives in an I/O
// callback, and none runs before this continuation, a promise job queued the
// moment the import finishes evaluating.
const { server } = (await import(pathToFileURL(join(build, 'index.js')).href)) as { server: Server };
const app = server.listeners('request') as ((request: IncomingMessage, response: ServerResponse) => void)[];
server.removeAllListeners('request');
// NOTE: Node ends a request whose body takes over 5 minutes; a 25 MB attachment (the upload limit)
// now crosses this server, and on a 0.75 Mbit/s uplink that alone takes 4.5 minutes.
server.requestTimeout = UPLOAD_REQUEST_TIMEOUT_MS;
server.on('request', (request: IncomingMessage, response: ServerResponse) => {
	addHeaders(request, response);
	if (isProxyPath(request.url ?? '')) return proxy(request, response);
	for (const listener of app) listener.call(server, request, response);
});
