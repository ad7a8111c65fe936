// Fresh Matrix accounts for the end-to-end tests, made on the federation the
// orchestrator started (the full description at ROGATORY_FEDERATION holds
// each homeserver's data folder, where its registration secret lives), and a
// look at an account's devices from the homeserver's side.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FederationDescription, LocalHomeserver } from '../../../deploy/local/federation.ts';
import { keptPassword } from '../../../deploy/local/passwords.ts';
import { registerAccount } from '../../../deploy/local/provision.ts';

export interface E2eAccount {
	readonly userId: string;
	readonly password: string;
	readonly homeserver: LocalHomeserver;
	/** A token of the registration's own device (it has no crypto keys), for looking at the account from outside. */
	readonly accessToken: string;
	readonly deviceId: string;
}

function describedFederation(): FederationDescription {
	const path = process.env['ROGATORY_FEDERATION'];
	if (path === undefined || path === '') throw new Error('ROGATORY_FEDERATION is not set: run the end-to-end tests through npm test.');
	return JSON.parse(readFileSync(path, 'utf8')) as FederationDescription;
}

/** The first homeserver of the federation that belongs to an authority (not the outsider). */
export function memberHomeserver(): LocalHomeserver {
	const found = describedFederation().homeservers.find((hs) => hs.id !== 'outsider');
	if (found === undefined) throw new Error('the federation has no member homeserver');
	return found;
}

/** The federation's homeserver of an authority, by its roster id (gt-mp, ng-ca…). */
export function homeserverOf(id: string): LocalHomeserver {
	const found = describedFederation().homeservers.find((hs) => hs.id === id);
	if (found === undefined) throw new Error(`the federation has no homeserver for ${id}`);
	return found;
}

export async function freshAccount(homeserver: LocalHomeserver, label: string): Promise<E2eAccount> {
	const localpart = `${label}-${randomBytes(4).toString('hex')}`;
	const password = `pw-${randomBytes(9).toString('base64url')}`;
	const registered = await registerAccount(homeserver, localpart, { password });
	if (!registered.ok) throw new Error(registered.error);
	const { userId, accessToken, deviceId } = registered.value;
	return { userId, password, homeserver, accessToken, deviceId };
}

/** A roster person's account on their authority's homeserver, with the password provisioning keeps for them. */
export async function rosterAccount(authority: string, localpart: string): Promise<E2eAccount> {
	const homeserver = homeserverOf(authority);
	const registered = await registerAccount(homeserver, localpart, { password: keptPassword(homeserver.dataDir, localpart) });
	if (!registered.ok) throw new Error(registered.error);
	const { userId, accessToken, deviceId, password } = registered.value;
	return { userId, password, homeserver, accessToken, deviceId };
}

async function clientApi(account: Pick<E2eAccount, 'homeserver'>, token: string, method: string, path: string, body?: unknown) {
	const response = await fetch(`${account.homeserver.clientUrl}/_matrix/client/v3${path}`, {
		method,
		headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/**
 * The account's devices that carry a signature by its self-signing key, as the
 * homeserver publishes them (POST /keys/query): what every other client sees.
 */
export async function crossSignedDevices(account: E2eAccount): Promise<string[]> {
	const { body } = await clientApi(account, account.accessToken, 'POST', '/keys/query', { device_keys: { [account.userId]: [] } });
	const selfSigning = (body['self_signing_keys'] as Record<string, { keys: Record<string, string> }> | undefined)?.[account.userId];
	const sskIds = Object.keys(selfSigning?.keys ?? {});
	const devices =
		(body['device_keys'] as Record<string, Record<string, { signatures?: Record<string, Record<string, string>> }>>)[account.userId] ?? {};
	return Object.entries(devices)
		.filter(([, keys]) => sskIds.some((id) => keys.signatures?.[account.userId]?.[id] !== undefined))
		.map(([deviceId]) => deviceId);
}

/** Whether the homeserver still accepts an access token (GET /account/whoami). */
export async function tokenAccepted(account: E2eAccount, token: string): Promise<boolean> {
	return (await clientApi(account, token, 'GET', '/account/whoami')).status === 200;
}

/** Joins a room as the account (membership is the account's, whichever device asks). */
export async function joinRoom(account: E2eAccount, roomId: string): Promise<void> {
	const { status, body } = await clientApi(account, account.accessToken, 'POST', `/join/${encodeURIComponent(roomId)}`, {});
	if (status !== 200) throw new Error(`${account.userId} could not join ${roomId}: ${JSON.stringify(body)}`);
}

/** How many room keys the account's current key backup on the homeserver holds. */
export async function backedUpKeys(account: E2eAccount): Promise<number> {
	const version = await clientApi(account, account.accessToken, 'GET', '/room_keys/version');
	if (version.status !== 200) return 0;
	const { body } = await clientApi(account, account.accessToken, 'GET', `/room_keys/keys?version=${String(version.body['version'])}`);
	const rooms = (body['rooms'] ?? {}) as Record<string, { sessions?: Record<string, unknown> }>;
	return Object.values(rooms).reduce((sum, room) => sum + Object.keys(room.sessions ?? {}).length, 0);
}

/** Ends the registration's own session. */
/** Sets the account's display name, as a person does in their profile; later room memberships carry it. */
export async function setDisplayName(account: E2eAccount, name: string): Promise<void> {
	const { status } = await clientApi(account, account.accessToken, 'PUT', `/profile/${encodeURIComponent(account.userId)}/displayname`, {
		displayname: name,
	});
	if (status !== 200) throw new Error(`setting the display name of ${account.userId}: HTTP ${status}`);
}

/** The account's display name as its homeserver has it (Synapse gives a new account its localpart). */
export async function displayNameOf(account: E2eAccount): Promise<string> {
	const { status, body } = await clientApi(
		account,
		account.accessToken,
		'GET',
		`/profile/${encodeURIComponent(account.userId)}/displayname`,
	);
	if (status !== 200 || typeof body['displayname'] !== 'string') throw new Error(`no display name for ${account.userId}: HTTP ${status}`);
	return body['displayname'];
}

export async function logOutRegistration(account: E2eAccount): Promise<void> {
	await clientApi(account, account.accessToken, 'POST', '/logout', {});
}
