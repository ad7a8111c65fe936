// The browser's side of an administrator's roster update
// (routes/api/admin/roster): one JSON POST — examine (nothing written) or
// apply — and its answer as a value.
import type { RosterChange } from '#policies/roster-update/index.ts';
import { err, ok, type Result } from '#policies/result.ts';

/** What the server says of an announcement, examined or applied. */
export type UpdateAnswer =
	| { readonly kind: 'applicable'; readonly version: number; readonly current: number; readonly change: RosterChange }
	| { readonly kind: 'applied'; readonly version: number; readonly change: RosterChange }
	| { readonly kind: 'already'; readonly version: number }
	| { readonly kind: 'refused'; readonly code: string };

/** Why there was no answer: not an administrator of this network's authority, the sign-in not confirmed, or no server. */
export type UpdateProblem = 'not-allowed' | 'unconfirmed' | 'unreachable';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function answerOf(body: Record<string, unknown>): UpdateAnswer | undefined {
	const { kind, version } = body;
	if (kind === 'refused' && typeof body['code'] === 'string') return { kind, code: body['code'] };
	if (typeof version !== 'number') return undefined;
	if (kind === 'already') return { kind, version };
	if (!isRecord(body['change'])) return undefined;
	const change = body['change'] as unknown as RosterChange;
	if (kind === 'applied') return { kind, version, change };
	if (kind === 'applicable' && typeof body['current'] === 'number') return { kind, version, current: body['current'], change };
	return undefined;
}

export async function askRosterUpdate(
	request: { readonly network: string; readonly content: Readonly<Record<string, unknown>>; readonly apply: boolean },
	fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<Result<UpdateAnswer, UpdateProblem>> {
	let response: Response;
	try {
		response = await fetchImpl('/api/admin/roster', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			// The browser only offers what its secretariat sent under the trust rule (announced.ts).
			body: JSON.stringify({ ...request, fromSecretariat: true }),
			cache: 'no-store',
		});
	} catch {
		return err('unreachable');
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return err('unreachable');
	}
	if (!isRecord(body)) return err('unreachable');
	if (response.ok) {
		const answer = answerOf(body);
		return answer === undefined ? err('unreachable') : ok(answer);
	}
	if (body['problem'] === 'unconfirmed' || body['problem'] === 'no-session') return err('unconfirmed');
	if (response.status >= 500) return err('unreachable');
	return err('not-allowed');
}
