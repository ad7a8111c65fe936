// The browser's address as the web server knows it, for the homeserver's
// X-Forwarded-For: the socket's peer, or — when a reverse proxy in front of
// the web server is trusted to say it (adapter-node's own ADDRESS_HEADER and
// XFF_DEPTH settings, read the way adapter-node reads them) — the address
// that header gives. Undefined when the header is configured but missing or
// too short: nothing is passed on rather than a guess.
import type { IncomingMessage } from 'node:http';

export interface AddressSettings {
	/** adapter-node's ADDRESS_HEADER, lower-cased; empty when the socket's peer is the browser. */
	readonly header: string;
	/** adapter-node's XFF_DEPTH: how many proxies from the right (1: the last). */
	readonly depth: number;
}

export function addressSettings(env: NodeJS.ProcessEnv): AddressSettings {
	const depth = Number.parseInt(env['XFF_DEPTH'] ?? '1', 10);
	return { header: (env['ADDRESS_HEADER'] ?? '').trim().toLowerCase(), depth: Number.isInteger(depth) && depth > 0 ? depth : 1 };
}

export function clientAddress(request: Pick<IncomingMessage, 'headers' | 'socket'>, settings: AddressSettings): string | undefined {
	if (settings.header === '') return request.socket.remoteAddress;
	const raw = request.headers[settings.header];
	const value = Array.isArray(raw) ? raw.join(',') : raw;
	if (value === undefined || value.trim() === '') return undefined;
	if (settings.header !== 'x-forwarded-for') return value.trim();
	const addresses = value.split(',');
	return settings.depth > addresses.length ? undefined : addresses[addresses.length - settings.depth]?.trim();
}
