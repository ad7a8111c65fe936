// The slow line of the `slow_link` bench, put on a Chromium target through
// the DevTools protocol, and what crossed it: bytes as received on the wire
// (encodedDataLength, compressed as sent, headers included), by what they
// were — the app's own assets by kind, its pages, Matrix API traffic — and
// how many asset answers came from a service worker instead of the line.
import type { CDPSession } from '@playwright/test';
import { kindOf, type AssetKind } from './transfer-size.ts';

/** 1.6 Mbit/s down, 0.75 Mbit/s up, 300 ms round trip (issue 11), in the protocol's bytes per second. */
export const SLOW_LINE = {
	offline: false,
	latency: 300,
	downloadThroughput: 1_600_000 / 8,
	uploadThroughput: 750_000 / 8,
} as const;

/** `api`: the app's own API and route data (/api/…, __data.json): answers, not assets. */
export type Traffic = 'document' | AssetKind | 'api' | 'matrix';

export interface LineUse {
	/** Bytes received, by what they were. */
	readonly bytes: Record<Traffic, number>;
	/** Requests by what they were, answered by the line (not by a cache or a service worker). */
	readonly requests: Record<Traffic, number>;
	/** Asset requests a service worker answered. */
	readonly fromServiceWorker: number;
	/** Requests to /_matrix/client/…/sync. */
	readonly syncs: number;
	/** Requests to /_matrix/client/…/keys/query (the first load should need one or two, not five). */
	readonly keysQueries: number;
	/** Of those, how many asked exactly what an earlier one of the same visit asked (same body). */
	readonly keysQueryRepeats: number;
	/** Seconds from the first request (the page) to the crypto WASM's request; undefined when it was not asked for. */
	readonly wasmRequestedAfter: number | undefined;
}

const zero = (): Record<Traffic, number> => ({ document: 0, js: 0, css: 0, wasm: 0, other: 0, api: 0, matrix: 0 });

/**
 * What a request was: Matrix traffic (a homeserver's own origin, or the app's
 * same-origin proxy, /matrix/<server name>/_matrix/…), the app's API and
 * route data, a page, or one of its assets by kind.
 */
export function trafficOf(url: URL, resourceType: string, appOrigin: string): Traffic {
	if (url.origin !== appOrigin || url.pathname.startsWith('/matrix/') || url.pathname.startsWith('/_matrix/')) return 'matrix';
	if (resourceType === 'Document') return 'document';
	if (url.pathname.startsWith('/api/') || url.pathname.endsWith('/__data.json')) return 'api';
	return kindOf(url.href);
}

interface Seen {
	url: string;
	resourceType: string;
	fromServiceWorker: boolean;
	fromCache: boolean;
}

/** Throttles a target's network and counts what it receives until `stop()`. */
export class SlowLine {
	readonly #appOrigin: string;
	readonly #seen = new Map<string, Seen>();
	#bytes = zero();
	#requests = zero();
	#fromServiceWorker = 0;
	#syncs = 0;
	#keysQueries = 0;
	/** When each request was sent (protocol seconds), for the trace. */
	readonly #sentAt = new Map<string, number>();
	#keysQueryBodies = new Set<string>();
	#keysQueryRepeats = 0;
	#firstRequestAt: number | undefined;
	#wasmRequestedAt: number | undefined;

	private constructor(appOrigin: string) {
		this.#appOrigin = appOrigin;
	}

	static async on(
		session: CDPSession,
		appOrigin: string,
		options: { readonly cacheDisabled: boolean; readonly bypassServiceWorker: boolean },
	): Promise<SlowLine> {
		const line = new SlowLine(appOrigin);
		session.on('Network.responseReceived', (event) => {
			line.#seen.set(event.requestId, {
				url: event.response.url,
				resourceType: event.type,
				fromServiceWorker: event.response.fromServiceWorker === true,
				fromCache: event.response.fromDiskCache === true || event.response.fromPrefetchCache === true,
			});
		});
		session.on('Network.loadingFinished', (event) => {
			const seen = line.#seen.get(event.requestId);
			const sent = line.#sentAt.get(event.requestId);
			if (process.env['ROGATORY_BENCH_TRACE'] === '1' && seen !== undefined && sent !== undefined && line.#firstRequestAt !== undefined) {
				const path = URL.parse(seen.url)?.pathname ?? seen.url;
				console.error(
					`[slow_link] ${(sent - line.#firstRequestAt).toFixed(2)}s +${(event.timestamp - sent).toFixed(2)}s ${String(event.encodedDataLength).padStart(8)} B ${path.replace(/^\/matrix\/[^/]+/, '').slice(0, 90)}`,
				);
			}
			line.#finished(event.requestId, event.encodedDataLength);
		});
		session.on('Network.requestWillBeSent', (event) => {
			line.#firstRequestAt ??= event.timestamp;
			line.#sentAt.set(event.requestId, event.timestamp);
			if (line.#wasmRequestedAt === undefined && event.request.url.endsWith('.wasm')) line.#wasmRequestedAt = event.timestamp;
			if (/\/_matrix\/client\/[^/]+\/keys\/query$/.test(URL.parse(event.request.url)?.pathname ?? '')) {
				line.#keysQueries++;
				const body = event.request.postData ?? '';
				if (line.#keysQueryBodies.has(body)) line.#keysQueryRepeats++;
				line.#keysQueryBodies.add(body);
				if (process.env['ROGATORY_BENCH_TRACE'] === '1')
					console.error(
						`[slow_link] keys/query at ${event.timestamp.toFixed(2)}: ${body} ← ${JSON.stringify(event.initiator.stack?.callFrames.slice(0, 6).map((f) => `${f.functionName}@${f.url.split('/').pop() ?? ''}:${String(f.lineNumber)}`) ?? [])}`,
					);
			}
		});
		await session.send('Network.enable');
		await session.send('Network.emulateNetworkConditions', SLOW_LINE);
		await session.send('Network.setCacheDisabled', { cacheDisabled: options.cacheDisabled });
		await session.send('Network.setBypassServiceWorker', { bypass: options.bypassServiceWorker });
		return line;
	}

	#finished(requestId: string, encoded: number): void {
		const seen = this.#seen.get(requestId);
		this.#seen.delete(requestId);
		if (seen === undefined) return;
		const url = URL.parse(seen.url);
		if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
		const traffic = trafficOf(url, seen.resourceType, this.#appOrigin);
		if (url.pathname.includes('/_matrix/client/') && url.pathname.endsWith('/sync')) this.#syncs++;
		if (seen.fromServiceWorker) {
			this.#fromServiceWorker++;
			return;
		}
		this.#bytes[traffic] += encoded;
		if (!seen.fromCache) this.#requests[traffic]++;
	}

	/** What was counted so far; counting starts again from nothing. */
	take(): LineUse {
		const wasmRequestedAfter =
			this.#wasmRequestedAt === undefined || this.#firstRequestAt === undefined ? undefined : this.#wasmRequestedAt - this.#firstRequestAt;
		const use = {
			bytes: this.#bytes,
			requests: this.#requests,
			fromServiceWorker: this.#fromServiceWorker,
			syncs: this.#syncs,
			keysQueries: this.#keysQueries,
			keysQueryRepeats: this.#keysQueryRepeats,
			wasmRequestedAfter,
		};
		this.#bytes = zero();
		this.#requests = zero();
		this.#fromServiceWorker = 0;
		this.#syncs = 0;
		this.#keysQueries = 0;
		this.#keysQueryBodies = new Set();
		this.#keysQueryRepeats = 0;
		this.#firstRequestAt = undefined;
		this.#wasmRequestedAt = undefined;
		this.#sentAt.clear();
		return use;
	}
}

/** Asset bytes of a visit: everything of the app's own but its pages' HTML and the Matrix traffic. */
export function assetBytes(use: LineUse): number {
	return use.bytes.js + use.bytes.css + use.bytes.wasm + use.bytes.other;
}
