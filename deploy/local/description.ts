// .data/<profile>/federation.json: where a running federation's homeservers
// are, for processes that did not start it (vitest workers, the web app).
// Written once every homeserver answers; removed when they are stopped.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';
import { profileFiles } from '../config/layout.ts';
import type { ProfileName } from '../config/profiles.ts';
import { isAlive } from '../process/alive.ts';
import type { FederationDescription, LocalHomeserver } from './types.ts';

export function writeDescription(root: string, description: FederationDescription): void {
	writeFileSync(profileFiles(root, description.profile).description, `${JSON.stringify(description, null, '\t')}\n`);
}

export function removeDescription(root: string, profile: ProfileName): void {
	rmSync(profileFiles(root, profile).description, { force: true });
}

const HOW_TO_START: Readonly<Record<ProfileName, string>> = {
	start: 'run `npm start`',
	test: 'run the tests with `npm test` (its global setup starts them)',
	bench: 'run `npm run bench`',
	other: 'run tests/integration/fourth-network.test.ts (it starts them from its own files)',
	fanout: 'run `npm run bench -- plenary_fanout` (it starts them from its own roster file, and stops them)',
	admission: 'run tests/integration/admission.test.ts (it starts them from its own roster files, and stops them)',
	peers: 'run deploy/production/local/run.integration.test.ts (it starts them beside the local production run, and stops them)',
};

/** The running federation of `profile`, or why there is none. */
export function describeFederation(root: string, profile: ProfileName): Result<FederationDescription, string> {
	const path = profileFiles(root, profile).description;
	if (!existsSync(path)) {
		return err(`The "${profile}" homeservers are not running (no ${path}). To start them, ${HOW_TO_START[profile]}.`);
	}
	const description = JSON.parse(readFileSync(path, 'utf8')) as FederationDescription;
	if (!isAlive(description.supervisorPid)) {
		return err(
			`The "${profile}" homeservers are not running: process ${description.supervisorPid}, which started them, ` +
				`has ended (${path} is left over). To start them, ${HOW_TO_START[profile]}.`,
		);
	}
	return ok(description);
}

/** The homeserver `id` of a description; throws on an unknown id (a programming error). */
export function findHomeserver(description: Pick<FederationDescription, 'homeservers' | 'profile'>, id: string): LocalHomeserver {
	const found = description.homeservers.find((hs) => hs.id === id);
	if (found === undefined) {
		const known = description.homeservers.map((hs) => hs.id).join(', ');
		throw new Error(`no homeserver "${id}" in the ${description.profile} federation (known: ${known})`);
	}
	return found;
}
