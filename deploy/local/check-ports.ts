// Every address and port of a profile, checked before any Synapse starts.
import { err, ok, type Result } from '../../policies/result.ts';
import type { ProfileName } from '../config/profiles.ts';
import { checkPort, portHolder } from './ports.ts';
import type { PreparedHomeserver } from './prepare.ts';
import { addressUnavailableError, portInUseError, type StartError } from './start-error.ts';

export async function checkPorts(profile: ProfileName, homeservers: readonly PreparedHomeserver[]): Promise<Result<void, StartError>> {
	for (const { plan } of homeservers) {
		for (const port of [plan.clientPort, plan.federationPort]) {
			const state = await checkPort(plan.address, port);
			if (state === 'address-unavailable') return err(addressUnavailableError(plan.address));
			if (state === 'in-use') return err(portInUseError(profile, plan.id, plan.address, port, await portHolder(port)));
		}
	}
	return ok(undefined);
}
