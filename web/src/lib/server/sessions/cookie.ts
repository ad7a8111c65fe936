// The session cookie: httpOnly (no script reads it), SameSite=Lax (not sent
// on cross-site subrequests or form posts), Path=/, and Secure when the
// browser reached the app over https.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'rogatory_session';

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: number, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: new Date(expiresAt) });
}

/**
 * NOTE: the clearing cookie never carries Secure: an https page may replace a
 * Secure cookie with a plain one (RFC 6265bis, 5.7), and on plain http the
 * cookie was never Secure; a Secure one sent over http would be dropped.
 */
export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', path: '/', secure: false });
}

/**
 * Whether the browser is on https. NOTE: behind no proxy, adapter-node 6
 * guesses "https" for every request URL (it reads a protocol header only when
 * PROTOCOL_HEADER names one), so the URL alone would mark cookies Secure on a
 * plain-http server. The Origin header a browser sends with every POST says
 * where the page really was; the URL decides only when there is none.
 */
export function requestIsHttps(request: Request, url: URL): boolean {
	const origin = request.headers.get('Origin');
	const parsed = origin === null ? null : URL.parse(origin);
	return (parsed?.protocol ?? url.protocol) === 'https:';
}
