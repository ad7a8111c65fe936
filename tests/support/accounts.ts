// Fresh accounts for integration tests and benchmarks: a unique localpart per
// call, so tests never depend on each other's state or on run order.
import { randomBytes } from 'node:crypto';
import { registerAccount } from '../../deploy/local/provision.ts';
import { homeserverOf, type FederationInfo } from './federation-info.ts';
import type { NodeAccount } from './matrix-node-client.ts';

export async function freshAccount(info: FederationInfo, homeserverId: string, label: string): Promise<NodeAccount> {
	const hs = homeserverOf(info, homeserverId);
	const localpart = `${label}-${randomBytes(4).toString('hex')}`;
	const registered = await registerAccount(hs, localpart);
	if (!registered.ok) throw new Error(`could not register ${localpart} on ${hs.serverName}: ${registered.error}`);
	const { userId, accessToken, deviceId } = registered.value;
	return { userId, accessToken, deviceId, clientUrl: hs.clientUrl };
}
