// The server ACL is re-issued at most once per ACL event, however often the
// room is read while a party server's member is newer than the ACL.
import { describe, expect, it, vi } from 'vitest';
import { AclReissue } from './acl-reissue.ts';
import type { MatrixClient, Room } from './sdk.ts';

const ME = '@ana:127.0.20.1:28448';

function roomWithAcl(aclId: { current: string }) {
	return {
		roomId: '!case',
		currentState: {
			getStateEvents: () => ({ getId: () => aclId.current, getTs: () => 10, getContent: () => ({ allow: ['*'], deny: [] }) }),
			maySendStateEvent: () => true,
		},
		// A member of the party server joined after the ACL was sent.
		getJoinedMembers: () => [{ userId: '@bo:127.0.20.2:28448', events: { member: { getTs: () => 20 } } }],
	} as unknown as Room;
}

describe('AclReissue', () => {
	it('sends one ACL for a burst of reads, none more for the same ACL event, again for a newer one', async () => {
		let answer: () => void = () => {};
		const sendStateEvent = vi.fn(() => new Promise<void>((resolve) => (answer = resolve)));
		const client = { getUserId: () => ME, sendStateEvent } as unknown as MatrixClient;
		const aclId = { current: '$acl1' };
		const room = roomWithAcl(aclId);
		const reissue = new AclReissue();

		reissue.consider(client, room);
		reissue.consider(client, room);
		expect(sendStateEvent).toHaveBeenCalledTimes(1);
		answer();
		await new Promise((resolve) => setTimeout(resolve, 0));

		reissue.consider(client, room);
		expect(sendStateEvent).toHaveBeenCalledTimes(1);

		aclId.current = '$acl2';
		reissue.consider(client, room);
		expect(sendStateEvent).toHaveBeenCalledTimes(2);
	});
});
