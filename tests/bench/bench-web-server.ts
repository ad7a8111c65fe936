// The built web app for a bench, on the bench profile's federation and its
// demo files: built first when stale, started on the given loopback port.
import { join } from 'node:path';
import { writeDemoDeployment } from '../../deploy/roster/demo-deployment.ts';
import { buildWebIfStale } from '../../scripts/web-build.ts';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';

export async function benchWebServer(port: number): Promise<WebServer> {
	const root = process.cwd();
	if (!(await buildWebIfStale(root, true))) throw new Error('the web app did not build');
	const server = await startWebServer({
		root,
		host: '127.0.0.1',
		port,
		federationFile: join(root, '.data', 'bench', 'federation.json'),
		deployment: writeDemoDeployment(join(root, '.data', 'bench')),
		logTo: 'ignore',
	});
	if (!server.ok) throw new Error(server.error);
	return server.value;
}
