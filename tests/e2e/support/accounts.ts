// Fresh Matrix accounts for the end-to-end tests, made on the federation the
// orchestrator started (the full description at ROGATORY_FEDERATION holds
// each homeserver's data folder, where its registration secret lives), and a
// look at an account's devices from the homeserver's side.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FederationDescription, LocalHomeserver } from '../../../deploy/local/federation.ts';
import { registerAccount } from '../../../deploy/local/provision.ts';

export interface E2eAccount {
	readonly userId: string;
	readonly password: string;
	readonly homeserver: LocalHomeserver;
	/** A token of the registration's own device (it has no crypto keys), for looking at the account from outside. */
	readonly accessToken: string;
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

export async function freshAccount(homeserver: LocalHomeserver, label: string): Promise<E2eAccount> {
	const localpart = `${label}-${randomBytes(4).toString('hex')}`;
	const password = `pw-${randomBytes(9).toString('base64url')}`;
	const registered = await registerAccount(homeserver, localpart, { password });
	if (!registered.ok) throw new Error(registered.error);
	return { userId: registered.value.userId, password, homeserver, accessToken: registered.value.accessToken };
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

/** Ends the registration's own session. */
export async function logOutRegistration(account: E2eAccount): Promise<void> {
	await clientApi(account, account.accessToken, 'POST', '/logout', {});
}
