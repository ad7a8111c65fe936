// Exports (the register's CSV and JSON downloads) are served only to a
// session the user's homeserver confirms at that moment — never on the
// strength of an earlier check: a token logged out a second ago gets no file.
// Without a session the export's own answer (401) stands.
import type { SessionConfirmation } from './handle.ts';

const plain = (status: number, text: string) =>
	new Response(`${text}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

export async function confirmedExport(
	session: { readonly confirm: () => Promise<SessionConfirmation> } | undefined,
	respond: () => Response,
): Promise<Response> {
	if (session === undefined) return respond();
	const confirmation = await session.confirm();
	if (confirmation === 'ended') return plain(401, 'Your homeserver no longer accepts this sign-in. Sign in again.');
	if (confirmation === 'unconfirmed')
		return plain(503, 'Your homeserver could not confirm your sign-in just now, so nothing is exported. Try again in a moment.');
	return respond();
}
