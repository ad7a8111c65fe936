// Matrix accounts as IMPP values: the Matrix URI scheme, both ways.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixUriOfUserId, userIdOfMatrixUri } from './matrix-uri.ts';
import { reasonText } from './reasons.ts';

describe('matrix: URIs', () => {
	it('reads a user URI, with or without action, query or fragment, scheme in any case', () => {
		for (const uri of [
			'matrix:u/ana.lopez:matrix.mp.gt.example',
			'MATRIX:u/ana.lopez:matrix.mp.gt.example?action=chat',
			'matrix:u/ana.lopez:matrix.mp.gt.example#x',
		])
			expect(userIdOfMatrixUri(uri)).toEqual({ ok: true, value: '@ana.lopez:matrix.mp.gt.example' });
		expect(userIdOfMatrixUri('matrix:u/ana%2Flopez:127.0.10.1:18448')).toEqual({ ok: true, value: '@ana/lopez:127.0.10.1:18448' });
	});

	it('writes a user ID as a URI, percent-encoding what a path segment cannot hold', () => {
		expect(matrixUriOfUserId('@ana.lopez:matrix.mp.gt.example')).toBe('matrix:u/ana.lopez:matrix.mp.gt.example');
		expect(matrixUriOfUserId('@a/b?c#d%e,f;g:localhost:8448')).toBe('matrix:u/a%2Fb%3Fc%23d%25e%2Cf%3Bg:localhost:8448');
	});

	it('reads back every historical user ID it writes', () => {
		const id = fc
			.tuple(fc.stringMatching(/^[\x21-\x39\x3B-\x7E]{1,30}$/), fc.constantFrom('example.org', 'localhost:8448', '[::1]:8448'))
			.map(([l, s]) => `@${l}:${s}`);
		fc.assert(
			fc.property(id, (userId) => {
				expect(userIdOfMatrixUri(matrixUriOfUserId(userId))).toEqual({ ok: true, value: userId });
			}),
		);
	});

	it.each([
		['matrix:r/refco:example.org', /does not name a user/],
		['matrix:roomid/abc:example.org', /does not name a user/],
		['matrix:u/ana', /not a Matrix user ID/],
		['matrix:u/ana:exa mple.org', /not a Matrix user ID/],
		['matrix:u/ana:example.org/e/event', /more than one segment/],
		['matrix:u/ana%ZZ:example.org', /percent-encoding is broken/],
		['xmpp:ana@example.org', /does not begin with "matrix:"/],
	])('refuses %s', (uri, reason) => {
		const read = userIdOfMatrixUri(uri);
		expect(read.ok ? 'taken' : reasonText(read.error)).toMatch(reason);
	});
});
