// What a person types into "Matrix ID" at sign-in, parsed: the user ID, and
// its server name split into host and port (a DNS name or an IP literal), so
// that anything that is not a valid server name — a trailing dot, a
// non-ASCII look-alike letter — is refused as typed. Follows the spec's
// identifier grammar (Appendices, "User Identifiers" and "Server Name");
// problems are values.
import { err, ok, type Result } from '../../../../policies/result.ts';

/** A Matrix user ID (`@localpart:server.name`); only parseUserIdInput makes one. */
export type UserId = string & { readonly __brand: 'UserId' };

export type HostKind = 'dns' | 'ipv4' | 'ipv6';

export interface MatrixIdInput {
	readonly userId: UserId;
	readonly localpart: string;
	/** host [":" port], exactly as in the ID, e.g. "127.0.20.1:28448" or "mp.gob.gt". */
	readonly serverName: string;
	/** The host without port; an IPv6 literal keeps its brackets. */
	readonly host: string;
	readonly port: number | undefined;
	readonly hostKind: HostKind;
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

// NOTE: the spec caps user IDs at 255 bytes; the characters allowed below are
// ASCII, so characters are bytes.
const MAX_LENGTH = 255;
// Historical user IDs (which clients must still accept): printable ASCII but ':'.
const LOCALPART = /^[\x21-\x39\x3B-\x7E]+$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^\[[0-9A-Fa-f:.]{2,45}\]$/;
const DNS_LABEL = /^[0-9A-Za-z](?:[0-9A-Za-z-]{0,61}[0-9A-Za-z])?$/;

interface ServerParts {
	readonly host: string;
	readonly port: number | undefined;
	readonly hostKind: HostKind;
}

/** Splits and checks a server name: host [":" port]. */
export function parseServerName(serverName: string): ServerParts | undefined {
	const match = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(serverName);
	if (match === null) return undefined;
	const host = match[1] ?? '';
	const port = match[2] === undefined ? undefined : Number(match[2]);
	if (port !== undefined && (port < 1 || port > 65535)) return undefined;
	if (IPV6.test(host)) return { host, port, hostKind: 'ipv6' };
	const ipv4 = IPV4.exec(host);
	if (ipv4 !== null) return ipv4.slice(1).every((octet) => Number(octet) <= 255) ? { host, port, hostKind: 'ipv4' } : undefined;
	const labels = host.split('.');
	// NOTE: a trailing dot ("example.org.") is a valid DNS name but not a valid Matrix server name.
	if (host.length > 253 || !labels.every((label) => DNS_LABEL.test(label))) return undefined;
	// A name of digits and dots only that is not an IPv4 literal ("1.2.3") is not a host anyone means.
	if (/^[\d.]+$/.test(host)) return undefined;
	return { host, port, hostKind: 'dns' };
}

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
	if (!LOCALPART.test(localpart)) return err({ kind: 'invalid-localpart' });
	const serverName = id.slice(colon + 1);
	const server = parseServerName(serverName);
	if (server === undefined) return err({ kind: 'invalid-server' });
	return ok({ userId: id as UserId, localpart, serverName, ...server });
}

/** The server name of a user ID: everything after the first colon. */
export function serverNameOf(userId: UserId): string {
	return userId.slice(userId.indexOf(':') + 1);
}
