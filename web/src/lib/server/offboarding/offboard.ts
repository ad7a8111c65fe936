// Offboarding a person (issue 13, docs/offboarding.md): the steps an
// authority administrator's request runs on the web server, in this order,
// stopping at the first that cannot go on:
// 1. every room the person is joined to, with its power levels, read through
//    the admin API; when the person is the last who may change one of them
//    (policies/offboarding/last-administrator.ts) nothing changes and those
//    rooms are named;
// 2. their web sessions end (the session store);
// 3. Synapse deactivates the account with erase: devices, access tokens and
//    the password go at once; the rooms are parted by a background loop
//    (handlers/deactivate_account.py, _user_parter_loop, which logs and skips
//    a room it cannot leave);
// 4. the outcome is checked, not assumed: no device left, no room left,
//    waiting for the background parting a bounded number of times; rooms
//    still joined then are reported (asking Synapse to deactivate again
//    queues the parting again), never hidden.
import { err, ok, type Result } from '#policies/result.ts';
import { roomsToHandOver, type RoomPowerState } from '#policies/offboarding/last-administrator.ts';
import { deactivate, deviceIds, joinedRooms, roomPower, type AdminProblem, type SynapseAdmin } from './synapse-admin.ts';

export interface OffboardDeps {
	readonly admin: SynapseAdmin;
	/** Ends every web session of this Matrix ID; how many ended. */
	readonly endWebSessions: (userId: string) => number;
	/** Pause between checks of the background parting. */
	readonly wait?: (ms: number) => Promise<void>;
	/** Checks of the parting before reporting rooms left (default 20, 500 ms apart). */
	readonly checks?: number;
}

export type OffboardOutcome =
	| { readonly kind: 'hand-over-first'; readonly rooms: readonly string[] }
	| {
			readonly kind: 'deactivated';
			/** The rooms the person was joined to before. */
			readonly rooms: readonly string[];
			readonly webSessionsEnded: number;
			/** Devices the homeserver still lists (none when all went well). */
			readonly devicesLeft: readonly string[];
			/** Rooms the person is still joined to after the checks (none when all went well). */
			readonly roomsLeft: readonly string[];
	  };

export type OffboardProblem = { readonly step: 'rooms' | 'deactivate' | 'verify'; readonly problem: AdminProblem };

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function offboard(userId: string, deps: OffboardDeps): Promise<Result<OffboardOutcome, OffboardProblem>> {
	const { admin } = deps;
	const rooms = await joinedRooms(admin, userId);
	if (!rooms.ok) return err({ step: 'rooms', problem: rooms.error });
	const powers: RoomPowerState[] = [];
	for (const roomId of rooms.value) {
		const power = await roomPower(admin, roomId);
		if (!power.ok) return err({ step: 'rooms', problem: power.error });
		powers.push(power.value);
	}
	const blocked = roomsToHandOver(powers, userId);
	if (blocked.length > 0) return ok({ kind: 'hand-over-first', rooms: blocked });

	const webSessionsEnded = deps.endWebSessions(userId);
	const done = await deactivate(admin, userId);
	if (!done.ok) return err({ step: 'deactivate', problem: done.error });

	const checks = Math.max(1, deps.checks ?? 20);
	let devicesLeft: readonly string[] = [];
	let roomsLeft: readonly string[] = [];
	for (let check = 0; check < checks; check++) {
		if (check > 0) await (deps.wait ?? pause)(500);
		const devices = await deviceIds(admin, userId);
		if (!devices.ok) return err({ step: 'verify', problem: devices.error });
		const joined = await joinedRooms(admin, userId);
		if (!joined.ok) return err({ step: 'verify', problem: joined.error });
		devicesLeft = devices.value;
		roomsLeft = joined.value;
		if (devicesLeft.length === 0 && roomsLeft.length === 0) break;
	}
	return ok({ kind: 'deactivated', rooms: rooms.value, webSessionsEnded, devicesLeft, roomsLeft });
}
