// The browser's side of an administrator ending a person's web sessions
// (routes/api/admin/sessions): one JSON POST, its answer as a value.
import { err, ok, type Result } from '#policies/result.ts';

export type EndSessionsProblem =
	/** Not a person of the administrator's authority (or not an administrator). */
	| 'not-of-authority'
	/** The administrator's own sign-in could not be confirmed just now. */
	| 'unconfirmed'
	/** No answer from the server. */
	| 'unreachable';

export async function endSessionsOf(
	person: string,
	fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<Result<{ readonly name: string; readonly ended: number }, EndSessionsProblem>> {
	let response: Response;
	try {
		response = await fetchImpl('/api/admin/sessions', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ person }),
			cache: 'no-store',
		});
	} catch {
		return err('unreachable');
	}
	let body: Record<string, unknown>;
	try {
		body = (await response.json()) as Record<string, unknown>;
	} catch {
		return err('unreachable');
	}
	if (response.ok && typeof body['name'] === 'string' && typeof body['ended'] === 'number')
		return ok({ name: body['name'], ended: body['ended'] });
	if (body['problem'] === 'unconfirmed' || body['problem'] === 'no-session') return err('unconfirmed');
	if (response.status >= 500) return err('unreachable');
	return err('not-of-authority');
}
