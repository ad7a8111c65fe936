import { describe, expect, it } from 'vitest';
import { readSyncBatch } from './sync-batch.ts';

const self = '@bot:hs';

describe('readSyncBatch', () => {
	it('keeps message events of joined rooms in order, with the room and the gap flag', () => {
		const batch = readSyncBatch(
			's1',
			{
				next_batch: 's2',
				rooms: {
					join: {
						'!a:hs': {
							timeline: {
								limited: true,
								prev_batch: 'p1',
								events: [
									{ event_id: '$m', type: 'm.room.member', state_key: '@x:hs', content: {} },
									{ event_id: '$1', type: 'm.room.encrypted', content: {} },
									{ event_id: '$r', type: 'm.reaction', content: {} },
									{ event_id: '$2', type: 'm.room.message', content: {} },
								],
							},
						},
						'!quiet:hs': { timeline: { events: [] } },
					},
				},
			},
			self,
		);
		expect(batch?.nextBatch).toBe('s2');
		expect(batch?.rooms).toHaveLength(1);
		expect(batch?.rooms[0]).toMatchObject({ room: '!a:hs', limited: true, prevBatch: 'p1', joinedNow: false });
		expect(batch?.rooms[0]?.events.map((e) => [e.event_id, e.room_id])).toEqual([
			['$1', '!a:hs'],
			['$2', '!a:hs'],
		]);
	});

	it('reads the invitations addressed to the bot', () => {
		const member = (state_key: string) => ({
			type: 'm.room.member',
			state_key,
			sender: '@inviter:other',
			origin_server_ts: 42,
			content: { membership: 'invite' },
		});
		const batch = readSyncBatch(
			undefined,
			{
				next_batch: 's1',
				rooms: {
					invite: { '!i:hs': { invite_state: { events: [member(self)] } }, '!j:hs': { invite_state: { events: [member('@other:hs')] } } },
				},
			},
			self,
		);
		expect(batch?.invitations).toEqual([{ room: '!i:hs', inviter: '@inviter:other', at: 42 }]);
	});

	it('is undefined for a body that is not a sync response', () => {
		expect(readSyncBatch('s1', { errcode: 'M_UNKNOWN' }, self)).toBeUndefined();
	});

	it('says when the bot’s own join is in a room’s timeline (it joined in this batch)', () => {
		const member = (who: string, membership: string) => ({
			event_id: `$${who}`,
			type: 'm.room.member',
			state_key: who,
			content: { membership },
		});
		const batch = readSyncBatch(
			's1',
			{
				next_batch: 's2',
				rooms: {
					join: {
						'!new:hs': { timeline: { limited: true, events: [member(self, 'join')] } },
						'!other:hs': { timeline: { limited: true, events: [member('@x:hs', 'join')] } },
						'!left:hs': { timeline: { limited: true, events: [member(self, 'leave')] } },
					},
				},
			},
			self,
		);
		expect(batch?.rooms.map((r) => [r.room, r.joinedNow])).toEqual([
			['!new:hs', true],
			['!other:hs', false],
			['!left:hs', false],
		]);
	});
});
