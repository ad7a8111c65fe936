// The same-origin Matrix proxy (docs/decisions.md, "The Matrix client API,
// same-origin"): the web server answers `/matrix/<server name>/_matrix/…`
// by asking that member homeserver, so the browser never sends a
// cross-origin request (no CORS preflight, one round trip each on a slow
// line) and JSON comes back compressed. Only to the deployment's member
// homeservers (route.ts), only the client and media APIs, bodies up to a
// limit; the request and the answer are streamed (a long-polling /sync, a
// download), and a browser that goes away takes the homeserver request with it.
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { pipeline } from 'node:stream';
import { clientAddress, type AddressSettings } from './client-address.ts';
import { chooseEncoding, compressor } from './compression.ts';
import { requestHeaders, responseHeaders } from './forward-headers.ts';
import type { Members } from './members.ts';
import { proxyTarget } from './route.ts';

export interface ProxyOptions {
	readonly members: Members;
	readonly address: AddressSettings;
	/** The largest body of an API request (JSON): larger is refused with 413. */
	readonly maxBodyBytes: number;
	/** The largest media upload (the attachment limit). */
	readonly maxUploadBytes: number;
	/** How long the homeserver may stay silent (a /sync long-polls for 30 s) before the proxy gives up with 504. */
	readonly idleTimeoutMs: number;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']);
const UPLOAD = /^\/_matrix\/media\/[^/]+\/upload(\/|$)/;

/** A refusal the browser (and the SDK) can read: Matrix's error shape, the proxy's own words. */
function refuse(response: ServerResponse, status: number, errcode: string, error: string, extra: Record<string, string> = {}): void {
	if (response.headersSent) {
		response.destroy();
		return;
	}
	const body = JSON.stringify({ errcode, error: `Rogatory proxy: ${error}` });
	response.writeHead(status, {
		'Content-Type': 'application/json',
		'Content-Length': Buffer.byteLength(body),
		'Cache-Control': 'no-store',
		...extra,
	});
	response.end(body);
}

export function matrixProxy(options: ProxyOptions): (request: IncomingMessage, response: ServerResponse) => void {
	const agents = { 'http:': new HttpAgent({ keepAlive: true }), 'https:': new HttpsAgent({ keepAlive: true }) };

	return (request, response) => {
		const method = request.method ?? 'GET';
		if (!METHODS.has(method))
			return refuse(response, 405, 'M_UNRECOGNIZED', 'this method is not passed on', { Allow: [...METHODS].join(', ') });
		const target = proxyTarget(request.url ?? '', options.members());
		if (!target.ok) {
			request.resume();
			return refuse(response, target.error.status, 'M_UNRECOGNIZED', target.error.reason);
		}
		const { url } = target.value;
		const basePath = url.pathname.slice(0, url.pathname.indexOf('/_matrix/'));
		const limit = UPLOAD.test(url.pathname.slice(basePath.length)) ? options.maxUploadBytes : options.maxBodyBytes;
		const declared = request.headers['content-length'];
		if (declared !== undefined && Number(declared) > limit) {
			// NOTE: the body is not read; the connection closes after the answer rather than carry it.
			response.setHeader('Connection', 'close');
			return refuse(response, 413, 'M_TOO_LARGE', `the body is larger than ${String(limit)} bytes`);
		}

		const secure = url.protocol === 'https:';
		const upstream = (secure ? httpsRequest : httpRequest)(url, {
			method,
			headers: requestHeaders(request.headers, clientAddress(request, options.address)),
			agent: secure ? agents['https:'] : agents['http:'],
			timeout: options.idleTimeoutMs,
		});
		let tooLarge = false;
		// The browser went away (closed the tab, aborted a /sync): the homeserver request goes too.
		response.on('close', () => {
			if (!response.writableFinished) upstream.destroy();
		});
		upstream.on('timeout', () => upstream.destroy(new Error('timeout')));
		upstream.on('error', (error) => {
			if (tooLarge || response.destroyed) return;
			if (error.message === 'timeout') return refuse(response, 504, 'M_UNKNOWN', 'the homeserver did not answer in time');
			refuse(response, 502, 'M_UNKNOWN', 'the homeserver cannot be reached');
		});
		upstream.on('response', (answer: IncomingMessage) => {
			if (tooLarge) return void answer.resume();
			const status = answer.statusCode ?? 502;
			const hasBody = method !== 'HEAD' && status !== 204 && status !== 304;
			const encoding = hasBody
				? chooseEncoding({
						acceptEncoding: headerText(request.headers['accept-encoding']),
						contentType: headerText(answer.headers['content-type']),
						contentEncoding: headerText(answer.headers['content-encoding']),
						contentLength: headerText(answer.headers['content-length']),
					})
				: undefined;
			const headers = responseHeaders(answer.headers, encoding !== undefined);
			if (encoding !== undefined) {
				headers['content-encoding'] = encoding;
				headers['vary'] = 'Accept-Encoding';
			}
			response.writeHead(status, headers);
			const done = (error: Error | null | undefined): void => {
				if (error !== null && error !== undefined) upstream.destroy();
			};
			if (encoding === undefined) pipeline(answer, response, done);
			else pipeline(answer, compressor(encoding), response, done);
		});
		// The body is streamed on as it comes, counted: past the limit the homeserver request is dropped and the browser told.
		let seen = 0;
		request.on('data', (chunk: Buffer) => {
			seen += chunk.length;
			if (seen <= limit || tooLarge) return;
			tooLarge = true;
			request.unpipe(upstream);
			upstream.destroy();
			response.setHeader('Connection', 'close');
			refuse(response, 413, 'M_TOO_LARGE', `the body is larger than ${String(limit)} bytes`);
		});
		request.on('error', () => upstream.destroy());
		request.pipe(upstream);
	};
}

const headerText = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.join(', ') : value);
