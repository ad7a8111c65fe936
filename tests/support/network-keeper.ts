// A network's secretariat keeper for integration tests: its service account
// (the password deploy/local keeps), the rooms of a first plan created by
// startSecretariat, then further plans carried out round by round, as the
// bridge's loop would after a new roster version (docs/roster-updates.md).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as sdk from 'matrix-js-sdk';
import { sdkKeeperClient } from '../../bridge/matrix/network-keeper-client.ts';
import { startSecretariat } from '../../bridge/matrix/secretariat.ts';
import { NetworkRoomsKeeper } from '../../bridge/network/keeper.ts';
import { keptPassword } from '../../deploy/local/passwords.ts';
import { PROVISIONING_DEVICE, registerAccount } from '../../deploy/local/provision.ts';
import type { LocalHomeserver } from '../../deploy/local/types.ts';
import type { NetworkRoomsPlan } from '../../policies/network/index.ts';
import { until } from './bot/bot-room.ts';

export interface KeptNetwork {
	/** The service account's client (no sync, no crypto). */
	readonly client: sdk.MatrixClient;
	/** Alias → room ID of what the first plan created. */
	readonly rooms: Readonly<Record<string, string>>;
	/** What the keeper logged. */
	readonly lines: readonly string[];
	/** Rounds of the keeper with `plan` until one leaves nothing to do (the loop's, one second apart). */
	readonly keepWith: (plan: NetworkRoomsPlan) => Promise<void>;
}

export async function keptNetwork(hs: LocalHomeserver, plan: NetworkRoomsPlan): Promise<KeptNetwork> {
	const localpart = plan.serviceAccount.slice(1).split(':')[0] ?? '';
	const account = await registerAccount(hs, localpart, { password: keptPassword(hs.dataDir, localpart), deviceId: PROVISIONING_DEVICE });
	if (!account.ok) throw new Error(account.error);
	const stateFile = join(mkdtempSync(join(tmpdir(), 'rogatory-kept-network-')), 'network-rooms.json');
	const lines: string[] = [];
	const secretariat = await startSecretariat({
		homeserverUrl: hs.clientUrl,
		plan,
		password: account.value.password,
		stateFile,
		retryMs: 1_000,
		log: (line) => lines.push(line),
	});
	let finished = false;
	void secretariat.loop.done.then(() => (finished = true));
	await until(() => finished, `the keeper creates ${plan.network}’s rooms`).catch((e: unknown) => {
		throw new Error(`${String(e)}; it logged:\n${lines.join('\n')}`);
	});
	secretariat.stop();
	const client = secretariat.client;
	return {
		client,
		rooms: secretariat.keeper.rooms(),
		lines,
		keepWith: async (next) => {
			const keeper = new NetworkRoomsKeeper(sdkKeeperClient(client), next, stateFile, (l) => lines.push(l));
			await until(async () => (await keeper.round()).done, `the keeper carries out the plan; it logged:\n${lines.join('\n')}`, 60, 1_000);
		},
	};
}
