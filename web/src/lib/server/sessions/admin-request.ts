// What every authority administrator's POST goes through before it acts
// (routes/api/admin/*): sent as JSON by the app's own pages (same-origin.ts),
// by an authority administrator (admin.ts), whose session their homeserver
// confirms first, with the session store up and a JSON body naming a
// `person`. Anything else is answered here, so each route only does its act.
import { json } from '@sveltejs/kit';
import { sessionAdminAccess } from './admin.ts';
import { sameOriginJson } from './same-origin.ts';
import { sessionStore } from './server.ts';

type Access = Extract<ReturnType<typeof sessionAdminAccess>, { kind: 'allowed' }>;
type Store = NonNullable<ReturnType<typeof sessionStore>>;

/** A JSON answer no cache keeps. */
export const adminAnswer = (status: number, body: Record<string, unknown>): Response =>
	json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export interface AdminRequest {
	readonly access: Access;
	readonly store: Store;
	/** The body's `person`, as sent: each route checks it its own way. */
	readonly person: unknown;
	/** The whole body, when it is a JSON object (else empty): for routes that take more than a person. */
	readonly body: Readonly<Record<string, unknown>>;
}

/** The request's administrator, store and person, or the answer that refuses it. */
export async function adminRequest(
	locals: App.Locals,
	request: Request,
): Promise<{ readonly ok: true; readonly value: AdminRequest } | { readonly ok: false; readonly answer: Response }> {
	const refuse = (status: number, problem: string) => ({ ok: false as const, answer: adminAnswer(status, { problem }) });
	if (!sameOriginJson(request)) return refuse(403, 'cross-site');
	const access = sessionAdminAccess(locals.user);
	if (access.kind === 'no-session') return refuse(401, 'no-session');
	if (access.kind === 'refused') return refuse(403, 'not-of-authority');
	const confirmation = await locals.session?.confirm();
	if (confirmation !== 'confirmed') return refuse(confirmation === 'ended' ? 401 : 503, 'unconfirmed');
	const store = sessionStore();
	if (store === undefined) return refuse(503, 'unavailable');
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return refuse(400, 'malformed');
	}
	const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
	return { ok: true, value: { access, store, person: fields['person'], body: fields } };
}
