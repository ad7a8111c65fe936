// `npm start`: runs Rogatory on this machine — the roster's federation of
// real Synapse homeservers (profile `start`), the sites' accounts, bridges
// and the web app — and prints where to go and how to sign in. The roster and
// site files are the demo's, copied into .data/start/, unless ROGATORY_ROSTER
// and ROGATORY_SITE name others (scripts/deployment.ts). Ctrl-C stops everything it
// started; the next `npm start` reuses the data in .data/start/. An
// administrator applying a roster version restarts what reads the roster
// (scripts/roster-reload.ts).
import { join } from 'node:path';
import { startBridges, type LocalBridges } from '../deploy/local/bridges.ts';
import { OUTSIDER_ID } from '../deploy/config/profiles.ts';
import { startFederation, type LocalFederation } from '../deploy/local/federation.ts';
import { provisionRoster } from '../deploy/local/provision.ts';
import { usePrivateUmask } from '../deploy/process/private-umask.ts';
import { rosterLabel } from '../policies/roster/file/index.ts';
import { profileDeployment } from './deployment.ts';
import { buildWebIfStale } from './web-build.ts';
import { startWebServer, type WebServer } from './web-server.ts';
import { printWelcome } from './welcome.ts';
import { watchRoster } from './roster-reload.ts';

// Files 0600, folders 0700, even when not started through scripts/bootstrap.sh.
usePrivateUmask();

const root = process.cwd();
const fail = (message: string): never => {
	console.error(`\nrogatory: ${message}\n`);
	process.exit(1);
};

// The roster and site files, read and checked before anything starts.
const files = profileDeployment(root, 'start', { fromEnv: true });
const { paths, deployment } = files.ok ? files.value : fail(files.error);
const roster = deployment.runtime;
console.log(`rogatory: ${rosterLabel(deployment.roster)} — ${paths.roster}`);
for (const site of deployment.sites) console.log(`rogatory: site of ${site.document.authority} — ${site.path}`);

const port = Number(process.env['ROGATORY_WEB_PORT'] ?? 18080);
if (!Number.isInteger(port) || port < 1 || port > 65535)
	fail(`ROGATORY_WEB_PORT must be a port number (1–65535), not "${process.env['ROGATORY_WEB_PORT']}".`);

let federation: LocalFederation | undefined;
let bridges: LocalBridges | undefined;
let web: WebServer | undefined;
let stopping = false;
async function stopAll(code: number): Promise<never> {
	if (!stopping) {
		stopping = true;
		console.log('\nrogatory: stopping…');
		await web?.stop();
		await bridges?.stop();
		await federation?.stop();
	}
	process.exit(code);
}
process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));

if (!(await buildWebIfStale(root))) fail('the web app did not build (see the errors above).');

const started = await startFederation({
	profile: 'start',
	roster,
	root,
	onProgress: (line) => console.log(`rogatory: ${line}`),
});
if (!started.ok) fail(started.error.message);
else federation = started.value;

const people = await provisionRoster(federation!, roster);
if (!people.ok) {
	console.error(`\nrogatory: ${people.error}\n`);
	await stopAll(1);
}

const bridgeOptions = {
	root,
	profileDir: join(root, '.data', 'start'),
	homeservers: federation!.homeservers,
	deployment: paths,
	onProgress: (line: string) => console.log(`rogatory: ${line}`),
};
const bridgesStarted = await startBridges(bridgeOptions);
if (!bridgesStarted.ok) {
	console.error(`\nrogatory: ${bridgesStarted.error}\n`);
	await stopAll(1);
} else bridges = bridgesStarted.value;

const webOptions = {
	root,
	host: '127.0.0.1',
	port,
	federationFile: join(root, '.data', 'start', 'federation.json'),
	deployment: paths,
};
const server = await startWebServer(webOptions);
if (!server.ok) {
	console.error(`\nrogatory: ${server.error}\n`);
	await stopAll(1);
} else web = server.value;

if (people.ok && web !== undefined) printWelcome(web.url, federation!, people.value, deployment);

// An administrator applying a roster version (docs/roster-updates.md) rewrites the roster file: start again from it.
const stopWatching = watchRoster({
	paths,
	version: deployment.roster.version,
	log: (line) => console.log(`rogatory: ${line}`),
	restart: async (next) => {
		const restarted = await Promise.all(
			federation!.homeservers.filter((hs) => hs.id !== OUTSIDER_ID).map((hs) => federation!.restartWith(hs.id, next.runtime)),
		);
		for (const r of restarted) if (!r.ok) console.error(`\nrogatory: ${r.error.message}\n`);
		await bridges?.stop();
		const again = await startBridges({ ...bridgeOptions, homeservers: federation!.homeservers });
		if (again.ok) bridges = again.value;
		else console.error(`\nrogatory: ${again.error}\n`);
		await web?.stop();
		const webAgain = await startWebServer(webOptions);
		if (webAgain.ok) web = webAgain.value;
		else console.error(`\nrogatory: ${webAgain.error}\n`);
		console.log(`rogatory: running roster version ${next.roster.version}`);
	},
});
process.on('exit', stopWatching);
