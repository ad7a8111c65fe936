// vitest globalSetup for the integration project: makes sure the `test`
// profile's federation runs for the whole run and hands its description to
// the test files (inject('federation')). When `npm test` has already started
// it (ROGATORY_FEDERATION points at its description), it is reused and left
// running for the orchestrator to stop; otherwise it is started here and
// stopped at the end, so `npx vitest run --project integration` works alone.
import { readFileSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startFederation } from '../../deploy/local/federation.ts';
import { profileDeployment } from '../../scripts/deployment.ts';
import type { FederationInfo } from '../support/federation-info.ts';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
	const described = process.env['ROGATORY_FEDERATION'];
	if (described !== undefined) {
		project.provide('federation', JSON.parse(readFileSync(described, 'utf8')) as FederationInfo);
		return undefined;
	}
	const files = profileDeployment(process.cwd(), 'test', { fromEnv: false });
	if (!files.ok) throw new Error(files.error);
	const started = await startFederation({
		profile: 'test',
		roster: files.value.deployment.runtime,
		root: process.cwd(),
		onProgress: (line) => console.log(`[federation] ${line}`),
	});
	if (!started.ok) throw new Error(started.error.message);
	const federation = started.value;
	project.provide('federation', {
		profile: federation.profile,
		caCertPath: federation.caCertPath,
		homeservers: federation.homeservers.map((hs) => ({ ...hs })),
	});
	return () => federation.stop();
}
