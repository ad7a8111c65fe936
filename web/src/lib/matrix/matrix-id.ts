// What a person types into "Matrix ID" at sign-in, parsed: the user ID, and
// its server name split into host and port (a DNS name or an IP literal), so
// that anything that is not a valid server name — a trailing dot, a
// non-ASCII look-alike letter — is refused as typed. The grammar is
// policies/cases' (ids/matrix.ts, ids/server-name.ts); this module adds the
// forgiving reading of typed text and a problem a person can act on.
import { isLocalpart, parseServerName, type ServerParts, type UserId } from '#policies/cases/index.ts';
import { err, ok, type Result } from '#policies/result.ts';

export interface MatrixIdInput extends ServerParts {
	readonly userId: UserId;
	readonly localpart: string;
	/** host [":" port], exactly as in the ID, e.g. "127.0.20.1:28448" or "mp.gob.gt". */
	readonly serverName: string;
}

export type MatrixIdProblem =
	/** Nothing typed. */
	| { readonly kind: 'empty' }
	/** No ":server" part, e.g. "ana.lopez". */
	| { readonly kind: 'missing-server' }
	/** Nothing between "@" and ":". */
	| { readonly kind: 'missing-localpart' }
	/** Spaces or other characters a user ID cannot hold. */
	| { readonly kind: 'invalid-localpart' }
	| { readonly kind: 'invalid-server' }
	| { readonly kind: 'too-long' };

// NOTE: the spec caps user IDs at 255 bytes; the characters allowed are
// ASCII, so characters are bytes.
const MAX_LENGTH = 255;

/**
 * Parses what was typed. Forgiving where the meaning is plain: surrounding
 * spaces are dropped and a missing leading "@" is added ("ana.lopez:mp.gob.gt").
 */
export function parseUserIdInput(typed: string): Result<MatrixIdInput, MatrixIdProblem> {
	const text = typed.trim();
	if (text === '') return err({ kind: 'empty' });
	const id = text.startsWith('@') ? text : `@${text}`;
	if (id.length > MAX_LENGTH) return err({ kind: 'too-long' });
	const colon = id.indexOf(':');
	if (colon < 0 || colon === id.length - 1) return err({ kind: 'missing-server' });
	const localpart = id.slice(1, colon);
	if (localpart === '') return err({ kind: 'missing-localpart' });
	if (!isLocalpart(localpart)) return err({ kind: 'invalid-localpart' });
	const serverName = id.slice(colon + 1);
	const server = parseServerName(serverName);
	if (server === undefined) return err({ kind: 'invalid-server' });
	return ok({ userId: id as UserId, localpart, serverName, ...server });
}
