// Checks, before anything is started, that every address and port a profile
// needs is free, and names who holds one that is not: a port collision
// otherwise surfaces as a Synapse traceback in a log file.
import { createServer } from 'node:net';
import { run } from '../process/run.ts';

export type PortCheck = 'free' | 'in-use' | 'address-unavailable';

export function checkPort(address: string, port: number): Promise<PortCheck> {
	return new Promise((resolve) => {
		const server = createServer();
		server.once('error', (error: NodeJS.ErrnoException) => {
			resolve(error.code === 'EADDRNOTAVAIL' ? 'address-unavailable' : 'in-use');
		});
		server.listen({ host: address, port, exclusive: true }, () => {
			server.close(() => resolve('free'));
		});
	});
}

/** "pid 1234 (python)" for the listener on `port`, when ss or lsof can tell. */
export async function portHolder(port: number): Promise<string | undefined> {
	const ss = await run('ss', ['-ltnpH', `sport = :${port}`]);
	const fromSs = /users:\(\("([^"]+)",pid=(\d+)/.exec(ss.stdout);
	if (fromSs !== null) return `pid ${fromSs[2]} (${fromSs[1]})`;
	const lsof = await run('lsof', ['-nP', `-iTCP:${port}`, '-sTCP:LISTEN', '-Fpc']);
	const pid = /^p(\d+)/m.exec(lsof.stdout)?.[1];
	const command = /^c(.+)/m.exec(lsof.stdout)?.[1];
	if (pid !== undefined) return `pid ${pid} (${command ?? 'unknown command'})`;
	return undefined;
}
