import { describe, expect, it } from 'vitest';
import { Invitations, type PendingInvitation } from './invitations.ts';

/** A homeserver that refuses the first `refusals` joins, and the invitations' last reported list. */
function harness(refusals: number, delays: readonly number[] = [1, 1, 1]) {
	const joined: string[] = [];
	const invited = new Set(['!a:x']);
	let left = refusals;
	let last: readonly PendingInvitation[] = [];
	const invitations = new Invitations({
		join: (roomId) => {
			if (left > 0) {
				left -= 1;
				return Promise.reject(new Error('You are not invited to this room.'));
			}
			invited.delete(roomId);
			joined.push(roomId);
			return Promise.resolve();
		},
		stillInvited: (roomId) => invited.has(roomId),
		changed: (pending) => (last = pending),
		sleep: () => new Promise((resolve) => setTimeout(resolve, 0)),
		delays,
	});
	const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
	return { invitations, joined, invited, settle, last: () => last };
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

	it('stay refused with the homeserver’s words when every attempt fails, until tried again', async () => {
		const h = harness(4);
		h.invitations.accept('!a:x', '@p:gt');
		await h.settle();
		expect(h.joined).toEqual([]);
		expect(h.last()).toEqual([
			{ roomId: '!a:x', inviter: '@p:gt', state: 'refused', attempts: 3, problem: 'You are not invited to this room.' },
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
});
