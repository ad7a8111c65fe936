// An upload sent with node:http rather than fetch, so a test sees exactly
// what the homeserver did with it: the answer if there was one, or how the
// connection ended (Synapse aborts a body that grows past its limit), and the
// local port, which names the connection in Synapse's log.
import { request } from 'node:http';

export interface UploadOutcome {
	readonly status?: number;
	readonly body?: Record<string, unknown>;
	/** Set when no answer came: e.g. ECONNRESET. */
	readonly error?: string;
	readonly localPort: number;
}

const PIECE = 1024 * 1024;

export function rawUpload(
	url: string,
	options: { readonly method: 'POST' | 'PUT'; readonly accessToken: string; readonly bytes: number; readonly chunked?: boolean },
): Promise<UploadOutcome> {
	return new Promise((resolve) => {
		let localPort = 0;
		let settled = false;
		const settle = (outcome: Omit<UploadOutcome, 'localPort'>): void => {
			if (settled) return;
			settled = true;
			resolve({ ...outcome, localPort });
		};
		const req = request(url, {
			// A connection of its own, so its port names it in the homeserver's log.
			agent: false,
			method: options.method,
			headers: {
				authorization: `Bearer ${options.accessToken}`,
				'content-type': 'application/octet-stream',
				...(options.chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(options.bytes) }),
			},
		});
		req.on('socket', (socket) => socket.on('connect', () => (localPort = socket.localPort ?? 0)));
		req.on('response', (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () =>
				settle({ status: response.statusCode ?? 0, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) }),
			);
			response.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
		});
		req.on('error', (error: NodeJS.ErrnoException) => settle({ error: error.code ?? error.message }));
		const piece = new Uint8Array(PIECE);
		let left = options.bytes;
		const pump = (): void => {
			while (left > 0) {
				const size = Math.min(PIECE, left);
				left -= size;
				if (!req.write(size === PIECE ? piece : piece.subarray(0, size))) {
					req.once('drain', pump);
					return;
				}
			}
			req.end();
		};
		pump();
	});
}
