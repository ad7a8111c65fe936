// A deployment is data (issue 10, acceptance 2): a fictional fourth network,
// whose ids, names and server names share nothing with the demo, is written
// from its files into a temporary folder; its federation (profile `other`),
// its two bridges and a web server start from those files alone, and a
// request between its two authorities goes through the cross-server flow:
// opened, moved, both sides' folds and both registers agree.
import { existsSync, rmSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openRegister } from '../../bridge/register/index.ts';
import { startBridges, type LocalBridges } from '../../deploy/local/bridges.ts';
import { startFederation, type LocalFederation } from '../../deploy/local/federation.ts';
import { provisionRoster } from '../../deploy/local/provision.ts';
import { loadDeployment } from '../../deploy/roster/load.ts';
import type { CaseRecord } from '../../policies/cases/index.ts';
import { bridgeUserId } from '../../policies/roster/bridge.ts';
import type { Deployment } from '../../policies/roster/file/index.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { startWebServer, type WebServer } from '../../scripts/web-server.ts';
import { joined, linearSend, until } from '../support/bot/bot-room.ts';
import { runCaseFlow } from '../support/bot/case-flow.ts';
import { openCaseRoomPair, type CaseRoomPair } from '../support/case-room-setup.ts';
import type { FederationInfo } from '../support/federation-info.ts';
import { writeFourthNetwork } from '../support/fourth-network.ts';

const root = join(import.meta.dirname, '..', '..');
/** The first installation's web server; the second takes the next port. */
// NOTE: below the kernel's ephemeral range (32768–60999): an outgoing connection can hold a port inside it.
const WEB = { host: '127.0.0.1', port: 28180 };

describe('a fourth network, run from its own files', () => {
	const paths = writeFourthNetwork();
	let deployment: Deployment;
	let federation: LocalFederation | undefined;
	let bridges: LocalBridges | undefined;
	const webs: WebServer[] = [];
	let pair: CaseRoomPair | undefined;

	beforeAll(async () => {
		const read = loadDeployment(paths);
		if (!read.ok) throw new Error(JSON.stringify(read.error));
		deployment = read.value;
		// Fresh homeservers each run: the sites' secrets (the bridges' recovery keys) are new in every temporary folder.
		rmSync(join(root, '.data', 'other'), { recursive: true, force: true });
		const started = await startFederation({ profile: 'other', roster: deployment.runtime, root });
		if (!started.ok) throw new Error(started.error.message);
		federation = started.value;
		const people = await provisionRoster(federation, deployment.runtime);
		if (!people.ok) throw new Error(people.error);
		const running = await startBridges({
			root,
			profileDir: join(root, '.data', 'other'),
			homeservers: federation.homeservers,
			deployment: paths,
			onProgress: () => undefined,
		});
		if (!running.ok) throw new Error(running.error);
		bridges = running.value;
		if (!existsSync(join(root, 'build', 'index.js')))
			throw new Error('the web app is not built: npm test builds it before the integration tests.');
		// One web server per installation, each given the roster and its own site, as each authority runs its own.
		for (const [i, site] of paths.sites.entries()) {
			const server = await startWebServer({
				root,
				host: WEB.host,
				port: WEB.port + i,
				federationFile: join(root, '.data', 'other', 'federation.json'),
				deployment: { roster: paths.roster, sites: [site] },
				logTo: 'ignore',
			});
			if (!server.ok) throw new Error(server.error);
			webs.push(server.value);
		}
	}, 600_000);

	afterAll(async () => {
		pair?.stop();
		for (const web of webs) await web.stop();
		await bridges?.stop();
		await federation?.stop();
	}, 120_000);

	const info = (): FederationInfo => ({ profile: 'other', caCertPath: federation!.caCertPath, homeservers: federation!.homeservers });

	it('starts one homeserver per authority of the roster, none of the demo', () => {
		expect(federation!.homeservers.map((hs) => hs.id).sort()).toEqual(['outsider', 'xq-pps', 'xv-jd']);
		expect(deployment.roster.version).toBe(7);
	});

	it('moves a request between its two authorities, both folds and both registers agreeing', async () => {
		pair = await openCaseRoomPair(info(), 'boreal', {
			roster: deployment.runtime,
			requesting: 'xq-pps',
			requested: 'xv-jd',
			crossSigned: true,
		});
		const { roomId, requesting, requested, requestingView, requestedView } = pair;
		const bots = federation!.homeservers.filter((hs) => hs.id !== 'outsider').map((hs) => bridgeUserId(hs.serverName));
		for (const bot of bots) await requesting.invite(roomId, bot);
		await until(() => bots.every((b) => joined(requesting, roomId, b) && joined(requested, roomId, b)), 'both bridges join', 1800);

		const flow = await runCaseFlow(
			{ total: 14, requesting: 'xq-pps' as AuthorityId, requested: 'xv-jd' as AuthorityId, invalidEvery: 1000, label: 'boreal' },
			linearSend(roomId, { requesting, requested }),
		);
		expect(flow.transitions).toBeGreaterThanOrEqual(3);

		const servers = new Map(federation!.homeservers.map((hs) => [hs.serverName, hs.id as AuthorityId]));
		const registerRecord = (authority: string): CaseRecord | undefined => {
			const site = deployment.sites.find((s) => s.document.authority === authority)!;
			if (!existsSync(site.document.paths.register)) return undefined;
			const opened = openRegister(site.document.paths.register, { roster: deployment.runtime, servers }, { readonly: true });
			if (!opened.ok) return undefined;
			try {
				const record = opened.value.record(roomId);
				return record.ok ? record.value : undefined;
			} finally {
				opened.value.close();
			}
		};
		// Every event sent is in a record once it counts every transition, note and amendment the flow sent.
		const complete = (record: CaseRecord | undefined): boolean =>
			record !== undefined &&
			'statusHistory' in record &&
			record.statusHistory.length === flow.transitions &&
			record.notes === flow.notes &&
			record.amendments.length === flow.amendments;
		// Everything sent has arrived everywhere once both folds and both registers hold all of it, and agree.
		await until(
			() => {
				const [gt, gv] = [registerRecord('xq-pps'), registerRecord('xv-jd')];
				return (
					complete(requestingView.record) &&
					complete(requestedView.record) &&
					complete(gt) &&
					complete(gv) &&
					isDeepStrictEqual(requestingView.record, requestedView.record) &&
					isDeepStrictEqual(gt, gv)
				);
			},
			'both folds and both registers agree',
			1800,
		);
		expect(requestedView.record).toEqual(requestingView.record);
		expect(registerRecord('xv-jd')).toEqual(registerRecord('xq-pps'));
		const record = requestingView.record;
		expect('statusHistory' in record && record.statusHistory.length).toBe(flow.transitions);
	}, 600_000);

	it('serves each authority’s web app from the same files: the federation page names both homeservers as they run', async () => {
		expect(webs).toHaveLength(2);
		for (const web of webs) {
			const html = await (await fetch(`${web.url}/en`)).text();
			expect(html).toContain('Justice Department of Varnholm');
			expect(html).toContain(`version ${deployment.roster.version}`);
			for (const hs of federation!.homeservers.filter((h) => h.id !== 'outsider')) expect(html).toContain(hs.serverName);
		}
	});
});
