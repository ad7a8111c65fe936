// A TLS endpoint that stands where a homeserver would, for tests of
// certificate verification: it records every TLS handshake a client aborted
// (with OpenSSL's reason) and every HTTP request that got through, and
// answers a federation profile query so a successful path is observable end
// to end.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';

export interface FakePeer {
	readonly serverName: string;
	readonly refusedHandshakes: string[];
	readonly requests: string[];
	close(): Promise<void>;
}

export async function startFakePeer(options: {
	ip: string;
	port: number;
	cert: string;
	key: string;
	displayName: string;
}): Promise<FakePeer> {
	const refusedHandshakes: string[] = [];
	const requests: string[] = [];
	const server: Server = createServer({ cert: readFileSync(options.cert), key: readFileSync(options.key) }, (request, response) => {
		requests.push(`${request.method} ${request.url}`);
		const isProfile = request.url?.startsWith('/_matrix/federation/v1/query/profile') === true;
		response.writeHead(isProfile ? 200 : 404, { 'content-type': 'application/json' });
		response.end(JSON.stringify(isProfile ? { displayname: options.displayName } : { errcode: 'M_UNRECOGNIZED', error: 'fake peer' }));
	});
	server.on('tlsClientError', (error: Error) => refusedHandshakes.push(error.message));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port, options.ip, resolve);
	});
	return {
		serverName: `${options.ip}:${options.port}`,
		refusedHandshakes,
		requests,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
