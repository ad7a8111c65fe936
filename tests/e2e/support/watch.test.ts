// The one homeserver answer the watch lets pass beside the key backup's 404:
// Synapse's refusal of a member list at a sync token while two servers' joins
// are unmerged — as the browser and the SDK logged it in a run of plenary.e2e.
import { describe, expect, it } from 'vitest';
import { forkedJoinRefusal } from './watch.ts';

const URL =
	'http://127.0.0.1:28080/matrix/127.0.20.2:28448/_matrix/client/v3/rooms/!bRwZUrr-uznD6YWyoNTOUcpDnF7MbJwEp3gJSdF5Iso/members?not_membership=leave&at=s3864_1_0_1_206_1_319_790_0_11_1_1_1_1';
const CHUNK = 'http://127.0.0.1:28080/_app/immutable/chunks/D0UNRKL4.js';
const REFUSAL =
	'M_FORBIDDEN: MatrixError: [403] User @ana.lopez:127.0.20.2:28448 not allowed to view events in room !bRwZUrr-uznD6YWyoNTOUcpDnF7MbJwEp3gJSdF5Iso at token StreamToken(room: RoomStreamToken(stream: 3864, topological: None, instances: {}), presence: 1) ' +
	`(${URL})\n    at UA (${CHUNK}:9:19454)`;

describe('the refusal of a member list at a token, while joins are unmerged', () => {
	it('passes as the browser logs its 403, as the SDK logs the error, and as the failed send', () => {
		expect(forkedJoinRefusal('Failed to load resource: the server responded with a status of 403 (Forbidden)', URL)).toBe(true);
		expect(forkedJoinRefusal(REFUSAL, CHUNK)).toBe(true);
		expect(forkedJoinRefusal(`[matrix] Error sending event ${REFUSAL}`, CHUNK)).toBe(true);
	});

	it('keeps every other error: another status, another route, a member list without a token, another refusal', () => {
		expect(forkedJoinRefusal('Failed to load resource: the server responded with a status of 500 (Internal Server Error)', URL)).toBe(
			false,
		);
		const send = URL.replace(/members\?.*$/, 'send/m.room.encrypted/m1');
		expect(forkedJoinRefusal('Failed to load resource: the server responded with a status of 403 (Forbidden)', send)).toBe(false);
		const noToken = URL.replace(/&at=.*$/, '');
		expect(forkedJoinRefusal('Failed to load resource: the server responded with a status of 403 (Forbidden)', noToken)).toBe(false);
		expect(forkedJoinRefusal(REFUSAL.replace(URL, send), CHUNK)).toBe(false);
		expect(forkedJoinRefusal('M_FORBIDDEN: MatrixError: [403] You are not invited to this room. (' + URL + ')', CHUNK)).toBe(false);
		expect(forkedJoinRefusal('[matrix] Error sending event M_LIMIT_EXCEEDED', CHUNK)).toBe(false);
	});
});
