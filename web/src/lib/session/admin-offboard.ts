// The browser's side of an administrator offboarding a person of their
// authority (routes/api/admin/offboard, docs/offboarding.md): one JSON POST,
// its answer as a value. Room IDs come back as IDs; the page names them.
import { err, ok, type Result } from '#policies/result.ts';

export interface Offboarded {
	/** Rooms the person was in. */
	readonly rooms: number;
	/** Rooms or devices the homeserver still lists for them (none when all went well). */
	readonly roomsLeft: number;
	readonly devicesLeft: number;
}

export type OffboardProblem =
	/** The person alone may change these rooms: they must hand them over first. */
	| { readonly kind: 'hand-over-first'; readonly rooms: readonly string[] }
	/** An administrator cannot offboard themselves. */
	| { readonly kind: 'self' }
	/** Not a person of the administrator's authority (or not an administrator). */
	| { readonly kind: 'not-of-authority' }
	/** The administrator's own sign-in could not be confirmed just now. */
	| { readonly kind: 'unconfirmed' }
	/** This server has no homeserver admin access (no admin token file). */
	| { readonly kind: 'unavailable' }
	/** No answer from the server, or from the homeserver. */
	| { readonly kind: 'unreachable' };

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export async function offboardPerson(
	person: string,
	fetchImpl: typeof fetch = (...args) => fetch(...args),
): Promise<Result<Offboarded, OffboardProblem>> {
	let response: Response;
	try {
		response = await fetchImpl('/api/admin/offboard', {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ person }),
			cache: 'no-store',
		});
	} catch {
		return err({ kind: 'unreachable' });
	}
	let body: Record<string, unknown>;
	try {
		body = (await response.json()) as Record<string, unknown>;
	} catch {
		return err({ kind: 'unreachable' });
	}
	if (response.ok && body['kind'] === 'deactivated')
		return ok({ rooms: count(body['rooms']), roomsLeft: count(body['roomsLeft']), devicesLeft: count(body['devicesLeft']) });
	const problem = body['problem'];
	if (problem === 'hand-over-first') {
		const rooms = Array.isArray(body['rooms']) ? body['rooms'].filter((r): r is string => typeof r === 'string') : [];
		return err({ kind: 'hand-over-first', rooms });
	}
	if (problem === 'self') return err({ kind: 'self' });
	if (problem === 'unconfirmed' || problem === 'no-session') return err({ kind: 'unconfirmed' });
	if (problem === 'unavailable') return err({ kind: 'unavailable' });
	if (response.status >= 500) return err({ kind: 'unreachable' });
	return err({ kind: 'not-of-authority' });
}
