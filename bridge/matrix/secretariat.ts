// The secretariat's service account as a second Matrix client beside the
// bridge's (docs/decisions.md, "A secretariat's service account"): it logs in
// with its kept password on one fixed device, so that restarts do not pile up
// devices, and carries out its network's rooms plan (bridge/network/keeper.ts, loop.ts) and its
// part of the joint rooms of each pair its network is in (joint-keeper.ts). It
// never syncs and holds no crypto: creating rooms, setting state and inviting
// need none.
// NOTE: posting announcements (encrypted) will need a crypto store of its own,
// apart from the bridge's, and a cross-signed identity of its own.
import * as sdk from 'matrix-js-sdk';
import type { NetworkRoomsPlan } from '../../policies/network/index.ts';
import { JointRoomsKeeper, type JointKeeperOptions } from '../network/joint-keeper.ts';
import { NetworkRoomsKeeper } from '../network/keeper.ts';
import { NetworkRoomsLoop } from '../network/loop.ts';
import { sdkKeeperClient } from './network-keeper-client.ts';

/** The service account's one device. */
export const SECRETARIAT_DEVICE = 'ROGATORY_SECRETARIAT';

export interface SecretariatOptions {
	readonly homeserverUrl: string;
	/** The plan's service account. */
	readonly plan: NetworkRoomsPlan;
	readonly password: string;
	/** Its JSON state file (bridge/network/state-file.ts), in the bridge's secrets folder. */
	readonly stateFile: string;
	readonly retryMs: number;
	readonly log: (line: string) => void;
	/** The joint rooms of the pairs its network is in (bridge/network/joint-keeper.ts), each with its own state file. */
	readonly joints?: readonly Omit<JointKeeperOptions, 'own' | 'log'>[];
}

export interface RunningSecretariat {
	readonly client: sdk.MatrixClient;
	readonly keeper: NetworkRoomsKeeper;
	readonly loop: NetworkRoomsLoop;
	/** One per pair of `joints`, in order. */
	readonly joints: readonly NetworkRoomsLoop[];
	stop(): void;
}

export async function startSecretariat(options: SecretariatOptions): Promise<RunningSecretariat> {
	const user = options.plan.serviceAccount;
	const login = await sdk.createClient({ baseUrl: options.homeserverUrl }).loginRequest({
		type: 'm.login.password',
		identifier: { type: 'm.id.user', user },
		password: options.password,
		device_id: SECRETARIAT_DEVICE,
	});
	const client = sdk.createClient({
		baseUrl: options.homeserverUrl,
		userId: login.user_id,
		accessToken: login.access_token,
		deviceId: login.device_id,
	});
	const keeper = new NetworkRoomsKeeper(sdkKeeperClient(client), options.plan, options.stateFile, options.log);
	const loop = new NetworkRoomsLoop(keeper, options.retryMs, options.log);
	options.log(`network: ${user} keeps the ${options.plan.network} rooms`);
	loop.start();
	const joints = (options.joints ?? []).map((joint) => {
		const jointLoop = new NetworkRoomsLoop(
			new JointRoomsKeeper(sdkKeeperClient(client), { ...joint, own: options.plan, log: options.log }),
			options.retryMs,
			options.log,
		);
		jointLoop.start();
		return jointLoop;
	});
	return {
		client,
		keeper,
		loop,
		joints,
		stop: () => {
			loop.stop();
			for (const jointLoop of joints) jointLoop.stop();
			client.stopClient();
		},
	};
}
