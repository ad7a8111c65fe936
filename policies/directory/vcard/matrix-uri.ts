// A person's Matrix account as a vCard IMPP value, in the Matrix URI scheme
// (Matrix spec, Appendices, "Matrix URI scheme"): `matrix:u/alice:example.org`
// for @alice:example.org, an optional `?action=chat` or fragment after it.
// Characters a URI path cannot hold are percent-encoded; "," and ";" too, so
// that no vCard reader takes them for separators.
import { parseUserId } from '../../cases/ids/matrix.ts';
import { err, ok, type Result } from '../../result.ts';

/** The user ID a `matrix:u/…` URI names. */
export function userIdOfMatrixUri(uri: string): Result<string, string> {
	const bad = (why: string) => err(`IMPP "${uri}" is not a Matrix user URI such as matrix:u/maria.silva:matrix.example.org: ${why}`);
	if (!/^matrix:/i.test(uri)) return bad('it does not begin with "matrix:"');
	const path = uri.slice('matrix:'.length).replace(/[?#].*$/s, '');
	if (!path.startsWith('u/')) return bad('it does not name a user (matrix:u/…)');
	const segment = path.slice(2);
	if (segment.includes('/')) return bad('it has more than one segment after u/');
	let decoded: string;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		return bad('its percent-encoding is broken');
	}
	const id = parseUserId(`@${decoded}`);
	return id.ok ? ok(id.value) : bad(id.error);
}

const KEEP = /[A-Za-z0-9\-._~!$&'()*+=:@]/;

/** The `matrix:u/…` URI of a user ID. */
export const matrixUriOfUserId = (userId: string): string =>
	`matrix:u/${[...userId.replace(/^@/, '')].map((c) => (KEEP.test(c) ? c : encodeURIComponent(c))).join('')}`;
