// One demo authority's development homeserver — `npm start`'s kind: deploy/local's
// Synapse process and config (SQLite, the development overlay, TLS on its
// federation listener) — run under the server name its production run will
// have (`127.0.70.1`, nginx's address: demo-options.ts), listening for
// federation where nginx will (127.0.70.1:8448, TLS from the peers' CA) and
// for clients on plain HTTP beside it. What a move off SQLite starts from
// (deploy/production/move/): a server name never changes in a move, so the
// SQLite server must already carry the one the installation is generated
// with (docs/decisions.md, "Moving off SQLite"). The peers of the `peers`
// profile (peers.ts) know that name; after the move they find the production
// run there, signing with the same key. Its folder is started afresh.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { homeserverPeers } from '../../../policies/network/joint-parties.ts';
import { err, ok, type Result } from '../../../policies/result.ts';
import { describeErrors } from '../../../policies/roster/file/index.ts';
import type { AuthorityId } from '../../../policies/roster/types.ts';
import { issueCertificates } from '../../certs/certificates.ts';
import { homeserverFiles, type HomeserverFiles } from '../../config/layout.ts';
import { clientUrl, localHomeserverConfig } from '../../config/local-homeserver.ts';
import { logConfig } from '../../config/log-config.ts';
import type { HomeserverPlan } from '../../config/topology.ts';
import { ensureSecret } from '../../local/secrets.ts';
import { spawnSynapse } from '../../local/synapse-process.ts';
import type { LocalHomeserver } from '../../local/types.ts';
import { waitUntilReady } from '../../local/wait-ready.ts';
import { terminate } from '../../process/terminate.ts';
import { writeDemoDeployment } from '../../roster/demo-deployment.ts';
import { loadDeployment } from '../../roster/load.ts';
import { ensureSynapse } from '../../synapse/install.ts';
import { DEMO_ADDRESS, localServerNames } from './demo-options.ts';
import type { DemoFederation } from './run.ts';

/** Its client port on 127.0.70.1 (nothing else listens on that address while it runs). */
export const DEVELOPMENT_CLIENT_PORT = 27008;
/** Where peers look for a server named by an IP literal without a port, and where nginx listens after the move. */
const FEDERATION_PORT = 8448;

export interface DevelopmentRun {
	readonly homeserver: LocalHomeserver;
	readonly files: HomeserverFiles;
	/** Stops its Synapse (SIGTERM, then SIGKILL after 10 s). */
	stop(): Promise<void>;
}

export async function startDevelopmentRun(request: {
	readonly root: string;
	/** Its folder: removed and made again. */
	readonly dir: string;
	readonly authority: string;
	readonly federation: DemoFederation;
	readonly log: (line: string) => void;
}): Promise<Result<DevelopmentRun, string>> {
	const { authority, log } = request;
	const synapse = await ensureSynapse(request.root, log);
	if (!synapse.ok) return synapse;
	rmSync(request.dir, { recursive: true, force: true });
	mkdirSync(request.dir, { recursive: true, mode: 0o700 });
	const deployment = loadDeployment(writeDemoDeployment(`${request.dir}-deployment`));
	if (!deployment.ok) return err(describeErrors(deployment.error));
	const roster = localServerNames(deployment.value.runtime, authority, request.federation.peers);
	const nameOf = (id: string) => roster.authorities.find((a) => a.id === id)?.homeserver ?? id;
	const files = homeserverFiles(request.dir);
	const plan: HomeserverPlan = {
		id: authority,
		address: DEMO_ADDRESS,
		serverName: DEMO_ADDRESS,
		clientPort: DEVELOPMENT_CLIENT_PORT,
		federationPort: FEDERATION_PORT,
		federationWhitelist: homeserverPeers(roster, authority as AuthorityId).map(nameOf),
	};
	const certs = await issueCertificates(synapse.value.python, {
		ca: { dir: request.federation.caDir, name: 'Rogatory local CA (peers profile)' },
		servers: [{ dir: files.dir, ip: DEMO_ADDRESS }],
	});
	if (!certs.ok) return certs;
	mkdirSync(files.mediaStore, { recursive: true });
	for (const secret of [files.registrationSecret, files.macaroonSecret, files.formSecret]) ensureSecret(secret);
	const header = '# Written by deploy/production/local/development-run.ts: a development homeserver under its production name.\n';
	writeFileSync(files.config, header + stringify(localHomeserverConfig(plan, files, certs.value.caCert)));
	writeFileSync(files.logConfig, header + stringify(logConfig(files.log)));

	log(`starting ${authority}'s development homeserver (SQLite) as ${DEMO_ADDRESS}`);
	const child = spawnSynapse(synapse.value.python, authority, files);
	const prepared = { plan, files, clientUrl: clientUrl(plan) };
	const ready = await waitUntilReady([{ homeserver: prepared, process: child }], {
		caPem: readFileSync(certs.value.caCert, 'utf8'),
		timeoutMs: 180_000,
		onProgress: log,
	});
	if (!ready.ok) {
		await terminate(child.pid, 10_000);
		return err(ready.error.message);
	}
	return ok({
		homeserver: {
			id: authority,
			serverName: DEMO_ADDRESS,
			address: DEMO_ADDRESS,
			clientUrl: prepared.clientUrl,
			federationPort: FEDERATION_PORT,
			dataDir: files.dir,
			logPath: files.log,
		},
		files,
		stop: async () => {
			if (child.exit() === undefined) await terminate(child.pid, 10_000);
		},
	});
}
