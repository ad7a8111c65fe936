// The Synapse admin API calls offboarding needs, with the homeserver admin
// token the site file names (homeserver.admin_token_file). Server side only:
// the token never reaches a browser. Every failure is a value.
import { err, ok, type Result } from '#policies/result.ts';
import type { RoomPowerState } from '#policies/offboarding/last-administrator.ts';

export interface SynapseAdmin {
	/** The homeserver's client-server base URL (the deployment's own, never a browser's). */
	readonly clientUrl: string;
	readonly adminToken: string;
	readonly fetch?: typeof fetch;
}

export interface AdminProblem {
	/** 0 when the homeserver did not answer. */
	readonly status: number;
	readonly detail: string;
}

export const ADMIN_TIMEOUT_MS = 30_000;

async function call(
	admin: SynapseAdmin,
	method: 'GET' | 'POST',
	path: string,
	body?: unknown,
): Promise<Result<Record<string, unknown>, AdminProblem>> {
	const url = `${admin.clientUrl.replace(/\/+$/, '')}${path}`;
	let response: Response;
	try {
		response = await (admin.fetch ?? fetch)(url, {
			method,
			headers: {
				authorization: `Bearer ${admin.adminToken}`,
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
			},
			...(body === undefined ? {} : { body: JSON.stringify(body) }),
			signal: AbortSignal.timeout(ADMIN_TIMEOUT_MS),
			redirect: 'error',
		});
	} catch (error) {
		return err({ status: 0, detail: `${method} ${path}: no answer (${(error as Error).message})` });
	}
	let parsed: unknown;
	try {
		parsed = await response.json();
	} catch {
		parsed = undefined;
	}
	const answer = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
	if (!response.ok || answer === undefined) {
		const said = typeof answer?.['error'] === 'string' ? answer['error'] : 'no JSON answer';
		return err({ status: response.status, detail: `${method} ${path}: ${response.status} ${said}` });
	}
	return ok(answer);
}

const user = (userId: string) => encodeURIComponent(userId);
const strings = (value: unknown): readonly string[] =>
	Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Whether the homeserver has this account, and whether it is deactivated already (GET /_synapse/admin/v2/users/<user>). */
export async function accountOf(
	admin: SynapseAdmin,
	userId: string,
): Promise<Result<{ readonly exists: boolean; readonly deactivated: boolean }, AdminProblem>> {
	const answer = await call(admin, 'GET', `/_synapse/admin/v2/users/${user(userId)}`);
	if (!answer.ok) return answer.error.status === 404 ? ok({ exists: false, deactivated: false }) : answer;
	return ok({ exists: true, deactivated: answer.value['deactivated'] === true });
}

export async function joinedRooms(admin: SynapseAdmin, userId: string): Promise<Result<readonly string[], AdminProblem>> {
	const answer = await call(admin, 'GET', `/_synapse/admin/v1/users/${user(userId)}/joined_rooms`);
	return answer.ok ? ok(strings(answer.value['joined_rooms'])) : answer;
}

export async function deviceIds(admin: SynapseAdmin, userId: string): Promise<Result<readonly string[], AdminProblem>> {
	const answer = await call(admin, 'GET', `/_synapse/admin/v2/users/${user(userId)}/devices`);
	if (!answer.ok) return answer;
	const devices = Array.isArray(answer.value['devices']) ? (answer.value['devices'] as unknown[]) : [];
	return ok(
		devices
			.map((d) => (typeof d === 'object' && d !== null ? (d as Record<string, unknown>)['device_id'] : undefined))
			.filter((id): id is string => typeof id === 'string'),
	);
}

interface StateEventLike {
	readonly type?: unknown;
	readonly state_key?: unknown;
	readonly sender?: unknown;
	readonly content?: unknown;
}

const record = (value: unknown): Readonly<Record<string, unknown>> =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** The room's power as plain data for the guard (GET /_synapse/admin/v1/rooms/<room>/state). */
export async function roomPower(admin: SynapseAdmin, roomId: string): Promise<Result<RoomPowerState, AdminProblem>> {
	const answer = await call(admin, 'GET', `/_synapse/admin/v1/rooms/${encodeURIComponent(roomId)}/state`);
	if (!answer.ok) return answer;
	const events = (Array.isArray(answer.value['state']) ? answer.value['state'] : []) as StateEventLike[];
	const find = (type: string) => events.find((e) => e.type === type && e.state_key === '');
	const create = find('m.room.create');
	const levels = find('m.room.power_levels');
	return ok({
		roomId,
		create: create === undefined ? undefined : { sender: String(create.sender), content: record(create.content) },
		powerLevels: levels === undefined ? undefined : record(levels.content),
		joined: events
			.filter((e) => e.type === 'm.room.member' && typeof e.state_key === 'string' && record(e.content)['membership'] === 'join')
			.map((e) => String(e.state_key)),
	});
}

/** POST /_synapse/admin/v1/deactivate/<user> with erase: Synapse removes devices and tokens and parts every room (in the background). */
export async function deactivate(admin: SynapseAdmin, userId: string): Promise<Result<void, AdminProblem>> {
	const answer = await call(admin, 'POST', `/_synapse/admin/v1/deactivate/${user(userId)}`, { erase: true });
	return answer.ok ? ok(undefined) : answer;
}
