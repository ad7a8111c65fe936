// The local production run's tests talk to it as a client on another machine
// would: HTTPS to nginx on the run's address, checked against the run's CA —
// to the homeserver by its server name, to the web app by its host name —
// registration through the host-only admin API, and Synapse's per-process
// logs read for which worker served what. `demo` is read at each call: the
// run starts in the test's beforeAll.
import { readFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import { expect } from 'vitest';
import { registrationMac } from '../../deploy/local/registration-mac.ts';
import { DEMO_ADDRESS } from '../../deploy/production/local/demo-options.ts';
import type { ProductionDemo } from '../../deploy/production/local/run.ts';

export interface Answer {
	readonly status: number;
	readonly headers: Record<string, string | string[] | undefined>;
	readonly json: Record<string, unknown>;
}

export interface WebRequest {
	readonly method?: string;
	readonly body?: unknown;
	readonly headers?: Record<string, string>;
}

export interface ProductionRequests {
	/** A request to the homeserver through nginx (443, or 8448). */
	readonly call: (method: string, path: string, body?: unknown, token?: string, port?: number) => Promise<Answer>;
	/** A request to the web app through nginx: its host name on the run's address. */
	readonly webCall: (path: string, options?: WebRequest) => Promise<Answer>;
	/** Registers `username` through nginx's host-only admin API. */
	readonly register: (username: string, password: string) => Promise<Answer>;
	/** A Synapse process's log ('main' or a worker's name); empty when there is none yet. */
	readonly logOf: (name: string) => string;
	/** Synapse's request log flushes every 5 seconds (log-config.ts): waits up to 30 s for a line. */
	readonly logged: (name: string, pattern: RegExp) => Promise<boolean>;
}

export function productionRequests(demo: () => ProductionDemo): ProductionRequests {
	const ask = (options: RequestOptions, body: unknown): Promise<Answer> =>
		new Promise((resolve, reject) => {
			const req = request({ ...options, ca: demo().caCert }, (res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () => {
					let json: Record<string, unknown>;
					try {
						json = JSON.parse(text) as Record<string, unknown>;
					} catch {
						json = { text };
					}
					resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
				});
			});
			req.on('error', reject);
			req.end(body === undefined ? undefined : JSON.stringify(body));
		});

	const call: ProductionRequests['call'] = (method, path, body, token, port = 443) => {
		const url = new URL(path, `${demo().baseUrl}:${port}`);
		const authorization: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
		return ask(
			{
				host: url.hostname,
				port: url.port,
				path: `${url.pathname}${url.search}`,
				method,
				headers: { 'content-type': 'application/json', ...authorization },
			},
			body,
		);
	};

	const logOf = (name: string): string => {
		try {
			return readFileSync(join(demo().options.logDir, name === 'main' ? 'homeserver.log' : `${name}.log`), 'utf8');
		} catch {
			return '';
		}
	};

	return {
		call,
		webCall: (path, options = {}) => {
			const host = demo().webUrl!.hostname;
			const type: Record<string, string> = options.body === undefined ? {} : { 'content-type': 'application/json' };
			return ask(
				{
					host: DEMO_ADDRESS,
					port: 443,
					path,
					method: options.method ?? 'GET',
					servername: host,
					headers: { host, ...type, ...options.headers },
				},
				options.body,
			);
		},
		register: async (username, password) => {
			const secret = readFileSync(join(demo().options.configDir, 'secrets', 'registration_shared_secret'), 'utf8').trim();
			const nonce = await call('GET', '/_synapse/admin/v1/register');
			expect(nonce.status).toBe(200);
			const n = String(nonce.json['nonce']);
			return call('POST', '/_synapse/admin/v1/register', {
				nonce: n,
				username,
				password,
				admin: false,
				mac: registrationMac(secret, n, username, password, false),
			});
		},
		logOf,
		logged: async (name, pattern) => {
			for (let i = 0; i < 60; i++) {
				if (pattern.test(logOf(name))) return true;
				await new Promise((r) => setTimeout(r, 500));
			}
			return false;
		},
	};
}
