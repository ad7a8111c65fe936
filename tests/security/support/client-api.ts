// Raw client-server API calls as an attacker makes them: a user's access
// token and plain HTTP, no SDK to smooth anything over. Every answer comes
// back with its status, so tests can assert refusals exactly.
import type { NodeAccount } from '../../support/matrix-node-client.ts';

export interface Answer {
	readonly status: number;
	readonly body: Record<string, unknown>;
}

/** Who calls: a user's token, or nobody (no Authorization header). */
export interface Caller {
	readonly clientUrl: string;
	readonly accessToken?: string;
}

export async function call(account: Caller, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<Answer> {
	const headers: Record<string, string> = { accept: 'application/json' };
	if (account.accessToken !== undefined) headers['authorization'] = `Bearer ${account.accessToken}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${account.clientUrl}${path}`, {
		method,
		headers,
		...(body === undefined ? {} : { body: JSON.stringify(body) }),
		signal: AbortSignal.timeout(60_000),
	});
	const text = await response.text();
	return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** The answer's body when it is 200; otherwise a thrown error naming the call (set-up steps that must succeed). */
export async function must(
	account: Caller,
	method: 'GET' | 'POST' | 'PUT',
	path: string,
	body?: unknown,
): Promise<Record<string, unknown>> {
	const answer = await call(account, method, path, body);
	if (answer.status !== 200) throw new Error(`${method} ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body;
}

/** Polls `check` until it returns a value (not undefined), for what a homeserver does in the background. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, attempts = 300): Promise<T> {
	for (let i = 0; i < attempts; i++) {
		const value = await check();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`never happened: ${what}`);
}

export const enc = encodeURIComponent;

/** Joins `roomId`, retrying while a remote invitation has not settled (docs/decisions.md, matrix-notes). */
export async function join(account: NodeAccount, roomId: string, via: string): Promise<void> {
	await eventually(`${account.userId} joins ${roomId}`, async () => {
		const answer = await call(account, 'POST', `/_matrix/client/v3/join/${enc(roomId)}?via=${enc(via)}`, {});
		return answer.status === 200 ? true : undefined;
	});
}
