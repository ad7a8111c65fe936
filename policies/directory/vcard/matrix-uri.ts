// A person's Matrix account as a vCard IMPP value, in the Matrix URI scheme
// (Matrix spec, Appendices, "Matrix URI scheme"): `matrix:u/alice:example.org`
// for @alice:example.org, an optional `?action=chat` or fragment after it.
// Characters a URI path cannot hold are percent-encoded; "," and ";" too, so
// that no vCard reader takes them for separators.
import { parseUserId } from '../../cases/ids/matrix.ts';
import { err, ok, type Result } from '../../result.ts';
import type { ImppProblem, VcardReason } from './reasons.ts';

/** The user ID a `matrix:u/…` URI names. */
export function userIdOfMatrixUri(uri: string): Result<string, VcardReason> {
	const bad = (problem: ImppProblem, detail?: string) =>
		err({ kind: 'impp', value: uri, problem, ...(detail === undefined ? {} : { detail }) } as const);
	if (!/^matrix:/i.test(uri)) return bad('scheme');
	const path = uri.slice('matrix:'.length).replace(/[?#].*$/s, '');
	if (!path.startsWith('u/')) return bad('not-user');
	const segment = path.slice(2);
	if (segment.includes('/')) return bad('segments');
	let decoded: string;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		return bad('encoding');
	}
	const id = parseUserId(`@${decoded}`);
	return id.ok ? ok(id.value) : bad('user-id', id.error);
}

const KEEP = /[A-Za-z0-9\-._~!$&'()*+=:@]/;

/** The `matrix:u/…` URI of a user ID. */
export const matrixUriOfUserId = (userId: string): string =>
	`matrix:u/${[...userId.replace(/^@/, '')].map((c) => (KEEP.test(c) ? c : encodeURIComponent(c))).join('')}`;
