// The client-server API as a test account calls it directly, beside its
// browser: what a person could send without the app (a forged event, a post
// where they have no composer), and what their homeserver holds.
import { expect } from '@playwright/test';
import type { E2eAccount } from './accounts.ts';

/** One request with the account's token; the status and the JSON body. */
export async function clientApi(
	account: E2eAccount,
	method: string,
	path: string,
	body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(`${account.homeserver.clientUrl}/_matrix/client/v3${path}`, {
		method,
		headers: { Authorization: `Bearer ${account.accessToken}`, 'Content-Type': 'application/json' },
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The room an alias names, as the account's homeserver resolves it. */
export async function roomIdOf(account: E2eAccount, alias: string): Promise<string> {
	const found = await clientApi(account, 'GET', `/directory/room/${encodeURIComponent(alias)}`);
	expect(found.status, `resolving ${alias}`).toBe(200);
	return String(found.body['room_id']);
}
