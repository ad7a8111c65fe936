// The deployment files a script runs a profile with: for `npm start` and
// scripts/federation.ts, the files ROGATORY_ROSTER / ROGATORY_SITE name, else
// the demo's, written into .data/<profile>/; for the tests and benches always
// the demo's (their accounts and assertions are the demo people's). Read and
// checked before anything starts; a broken file is one paragraph per problem,
// naming the file, the line and the key.
import { join } from 'node:path';
import { describeErrors, type Deployment } from '../policies/roster/file/index.ts';
import { err, ok, type Result } from '../policies/result.ts';
import { deploymentPathsFromEnv, writeDemoDeployment, type DeploymentPaths } from '../deploy/roster/demo-deployment.ts';
import { loadDeployment } from '../deploy/roster/load.ts';

export interface ProfileDeployment {
	readonly paths: DeploymentPaths;
	readonly deployment: Deployment;
}

export function profileDeployment(
	root: string,
	profile: string,
	options: { readonly fromEnv: boolean; readonly env?: NodeJS.ProcessEnv },
): Result<ProfileDeployment, string> {
	const named = options.fromEnv ? deploymentPathsFromEnv(options.env ?? process.env) : undefined;
	if (typeof named === 'string') return err(named);
	const paths = named ?? writeDemoDeployment(join(root, '.data', profile));
	const read = loadDeployment(paths);
	if (!read.ok)
		return err(`the deployment files cannot be used:\n\n${describeErrors(read.error)}\n\nMend the file and run the command again.`);
	return ok({ paths, deployment: read.value });
}
