import { describe, expect, it } from 'vitest';
import type { CaseRecord, RoomId } from '#policies/cases/index.ts';
import type { TimelineItem } from '../matrix/cases.ts';
import { unreadableRooms } from './unreadable.ts';

const unopened = (room: string): CaseRecord => ({ opened: false, room: room as RoomId, rejected: [] });
// Only `opened` matters here; the rest of an opened record is beside the point.
const opened = (room: string) => ({ opened: true, room: room as RoomId }) as unknown as CaseRecord;
const withheld = (sender: string): TimelineItem => ({ kind: 'undecryptable', id: '$x', sender, at: 1, reason: 'waiting-for-key' });
const text: TimelineItem = { kind: 'text', id: '$t', sender: '@a:x', at: 1, pending: false, body: 'hello' };

describe('unreadable case rooms', () => {
	it('are the joined rooms not opened yet that hold a message that could not be decrypted, named by its sender', () => {
		expect(
			unreadableRooms([
				{ roomId: '!waiting:x', record: unopened('!waiting:x'), items: [text, withheld('@p:gt'), withheld('@q:gt')] },
				{ roomId: '!read:x', record: opened('!read:x'), items: [withheld('@p:gt')] },
				{ roomId: '!other:x', record: unopened('!other:x'), items: [text] },
			]),
		).toEqual([{ roomId: '!waiting:x', sender: '@p:gt', kind: 'withheld', reason: 'waiting-for-key' }]);
	});

	it('are also the rooms not opened whose case events do not count here, named by the first of them and why', () => {
		const refused: TimelineItem = {
			kind: 'case',
			id: '$o',
			sender: '@p:gt',
			at: 1,
			pending: false,
			event: undefined,
			body: 'Request opened',
			warning: 'not-guaranteed',
		};
		expect(unreadableRooms([{ roomId: '!backup:x', record: unopened('!backup:x'), items: [text, refused] }])).toEqual([
			{ roomId: '!backup:x', sender: '@p:gt', kind: 'not-counted', warning: 'not-guaranteed' },
		]);
	});
});
