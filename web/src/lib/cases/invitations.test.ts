import { describe, expect, it } from 'vitest';
import { Invitations, type PendingInvitation } from './invitations.ts';

/** The shape of matrix-js-sdk's MatrixError, without the SDK. */
function matrixError(httpStatus: number, errcode: string, error: string): Error {
	return Object.assign(new Error(`MatrixError: [${httpStatus}] ${error} (https://hs.example/_matrix/client/v3/join/x)`), {
		httpStatus,
		errcode,
		data: { errcode, error },
	});
}

const NOT_YET_INVITED = () => matrixError(403, 'M_FORBIDDEN', 'You are not invited to this room.');

/** A homeserver that refuses the first `refusals` joins (with `refusal`), and the invitations' last reported list. */
function harness(refusals: number, delays: readonly number[] = [1, 1, 1], refusal: () => Error = NOT_YET_INVITED) {
	const joined: string[] = [];
	const declined: string[] = [];
	const invited = new Set(['!a:x']);
	const dismissed = new Set<string>();
	let left = refusals;
	let last: readonly PendingInvitation[] = [];
	const invitations = new Invitations({
		join: (roomId) => {
			if (left > 0) {
				left -= 1;
				return Promise.reject(refusal());
			}
			invited.delete(roomId);
			joined.push(roomId);
			return Promise.resolve();
		},
		decline: (roomId) => {
			declined.push(roomId);
			invited.delete(roomId);
			return Promise.resolve();
		},
		dismissed,
		log: () => undefined,
		stillInvited: (roomId) => invited.has(roomId),
		changed: (pending) => (last = pending),
		// NOTE: the waits between attempts are microtasks, so every retry has run once `settle` (a macrotask) resolves,
		// however slow the machine: no timing in the test.
		sleep: () => Promise.resolve(),
		delays,
	});
	const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
	return { invitations, joined, declined, invited, dismissed, settle, calls: () => refusals - left + joined.length, last: () => last };
}

describe('invitations to case rooms', () => {
	it('are joined at once when the homeserver agrees, and leave nothing pending', async () => {
		const h = harness(0);
		h.invitations.accept('!a:x', '@p:gt');
		expect(h.last()).toEqual([{ roomId: '!a:x', inviter: '@p:gt', state: 'joining', attempts: 0 }]);
		await h.settle();
		expect(h.joined).toEqual(['!a:x']);
		expect(h.last()).toEqual([]);
	});

	it('are tried again after a refused join, and joined once', async () => {
		const h = harness(2);
		h.invitations.accept('!a:x', '@p:gt');
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.joined).toEqual(['!a:x']);
		expect(h.last()).toEqual([]);
	});

	it('stay refused, with why, when every attempt fails for a passing reason, until tried again', async () => {
		const h = harness(4, [1, 1, 1], () => matrixError(502, 'M_UNKNOWN', 'Failed to make_join via any server'));
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.joined).toEqual([]);
		expect(h.last()).toEqual([
			{ roomId: '!a:x', inviter: '@p:gt', state: 'refused', attempts: 3, problem: { kind: 'transient', failure: 'server-error' } },
		]);
		// A later sync does not restart it on its own…
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.joined).toEqual([]);
		// …the person does.
		h.invitations.retry('!a:x');
		await h.settle();
		expect(h.joined).toEqual(['!a:x']);
		expect(h.last()).toEqual([]);
	});

	it('stop trying when the invitation is gone (rejected, or joined from another browser)', async () => {
		const h = harness(10);
		h.invitations.accept('!a:x', '@p:gt');
		h.invited.delete('!a:x');
		await h.settle();
		expect(h.joined).toEqual([]);
		expect(h.last()).toEqual([]);
	});

	it('stop when stopped', async () => {
		const h = harness(0);
		h.invitations.accept('!a:x', '@p:gt');
		h.invitations.stop();
		await h.settle();
		expect(h.joined).toEqual([]);
		h.invitations.accept('!b:x', '@p:gt');
		expect(h.last()).toEqual([]);
	});

	it('keep trying through "not invited" while the invitation settles on the homeserver', async () => {
		const h = harness(2);
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.joined).toEqual(['!a:x']);
	});

	it('keep the retry schedule through no answer, 429 and 5xx', async () => {
		for (const refusal of [
			() => Object.assign(new Error('fetch failed'), { name: 'ConnectionError' }),
			() => matrixError(429, 'M_LIMIT_EXCEEDED', 'Too Many Requests'),
			() => matrixError(503, 'M_UNKNOWN', 'Service Unavailable'),
		]) {
			const h = harness(2, [1, 1, 1], refusal);
			h.invitations.accept('!a:x', '@p:gt');
			await h.settle();
			expect(h.joined).toEqual(['!a:x']);
			expect(h.last()).toEqual([]);
		}
	});

	it('stop at once when the room bans the homeserver, and say so', async () => {
		const h = harness(10, [1, 1, 1], () => matrixError(403, 'M_FORBIDDEN', 'Server is banned from room'));
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.calls()).toBe(1);
		expect(h.last()).toEqual([{ roomId: '!a:x', inviter: '@p:gt', state: 'impossible', attempts: 1, problem: { kind: 'banned' } }]);
		// Neither a later sync nor a retry starts it again.
		h.invitations.accept('!a:x', '@p:gt');
		h.invitations.retry('!a:x');
		await h.settle();
		expect(h.calls()).toBe(1);
	});

	it('stop at once when the room is gone', async () => {
		const h = harness(10, [1, 1, 1], () => matrixError(404, 'M_NOT_FOUND', 'No known servers'));
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.calls()).toBe(1);
		expect(h.last()).toEqual([{ roomId: '!a:x', inviter: '@p:gt', state: 'impossible', attempts: 1, problem: { kind: 'gone' } }]);
	});

	it('count as withdrawn when still "not invited" after the whole schedule', async () => {
		const h = harness(10);
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.calls()).toBe(3);
		expect(h.last()).toEqual([{ roomId: '!a:x', inviter: '@p:gt', state: 'impossible', attempts: 3, problem: { kind: 'not-invited' } }]);
	});

	it('once dismissed, are declined, gone from the list, and not taken up again', async () => {
		const h = harness(10, [1, 1, 1], () => matrixError(403, 'M_FORBIDDEN', 'Server is banned from room'));
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		h.invitations.dismiss('!a:x');
		expect(h.last()).toEqual([]);
		expect(h.dismissed.has('!a:x')).toBe(true);
		await h.settle();
		expect(h.declined).toEqual(['!a:x']);
		h.invited.add('!a:x');
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.calls()).toBe(1);
		expect(h.last()).toEqual([]);
	});

	it('keep a dismissal even when the decline fails', async () => {
		const logged: unknown[] = [];
		const dismissed = new Set<string>();
		const invitations = new Invitations({
			join: () => Promise.reject(matrixError(404, 'M_NOT_FOUND', 'Unknown room')),
			decline: () => Promise.reject(new Error('offline')),
			dismissed,
			log: (_roomId, error) => logged.push(error),
			stillInvited: () => true,
			changed: () => undefined,
			sleep: () => Promise.resolve(),
			delays: [1],
		});
		invitations.accept('!a:x', '@p:gt');
		await new Promise((resolve) => setTimeout(resolve, 10));
		invitations.dismiss('!a:x');
		await new Promise((resolve) => setTimeout(resolve, 10));
		expect(dismissed.has('!a:x')).toBe(true);
		expect(logged).toHaveLength(2);
	});
});
