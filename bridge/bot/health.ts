// The bridge's /health (issue 15): whether it is keeping up, for a monitor on
// the same host. It listens on 127.0.0.1 only, on the site's
// bridge.health_port (none when left out), and answers GET /health with
// JSON: when the last sync batch was committed, how long ago (the lag), the
// events waiting for their keys, and the register's head (its last row's seq
// and hash, as the witness room gets it). 200 while the last commit is
// recent; 503 before the first sync, after a stall, or when the register
// cannot be read — a monitor alerts on the status alone. Nothing in it names
// a case, and it takes no input but the path.
import { createServer, type Server } from 'node:http';

export interface HealthInputs {
	readonly now: number;
	/** When the last sync batch was committed (undefined before the first). */
	readonly lastSyncAt: number | undefined;
	readonly queued: number;
	/** The register's head; undefined when it could not be read. */
	readonly head: { readonly seq: number; readonly hash: string } | undefined;
}

export interface HealthReport {
	readonly status: 'ok' | 'starting' | 'stalled' | 'register-unreadable';
	readonly last_sync: string | null;
	readonly lag_seconds: number | null;
	readonly queued: number;
	readonly register_head: { readonly seq: number; readonly hash: string } | null;
}

/** A sync long-polls for 30 s; a commit older than this means the bridge is not keeping up. */
export const STALLED_AFTER_MS = 120_000;

/** The report for the inputs. Pure. */
export function healthReport(inputs: HealthInputs): HealthReport {
	const lag = inputs.lastSyncAt === undefined ? null : Math.max(0, Math.round((inputs.now - inputs.lastSyncAt) / 1000));
	const status =
		inputs.head === undefined ? 'register-unreadable' : lag === null ? 'starting' : lag * 1000 > STALLED_AFTER_MS ? 'stalled' : 'ok';
	return {
		status,
		last_sync: inputs.lastSyncAt === undefined ? null : new Date(inputs.lastSyncAt).toISOString(),
		lag_seconds: lag,
		queued: inputs.queued,
		register_head: inputs.head ?? null,
	};
}

/** Serves `report` at GET /health on 127.0.0.1:`port`; resolves once listening (rejects when the port is taken). */
export function serveHealth(port: number, report: () => HealthReport): Promise<Server> {
	const server = createServer((request, response) => {
		const path = (request.url ?? '').split('?')[0];
		const send = (status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
			response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
			response.end(request.method === 'HEAD' ? undefined : body);
		};
		if (path !== '/health') return send(404, 'not found\n');
		if (request.method !== 'GET' && request.method !== 'HEAD') return send(405, 'GET only\n');
		const now = report();
		send(now.status === 'ok' ? 200 : 503, `${JSON.stringify(now)}\n`, 'application/json');
	});
	server.requestTimeout = 10_000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => {
			server.off('error', reject);
			resolve(server);
		});
	});
}
