import { describe, expect, it } from 'vitest';
import { memberNames } from './member-names.ts';
import type { MatrixEvent, Room } from './sdk.ts';

const ANA = '@ana:a.example';
const AMINA = '@amina:b.example';

interface Member {
	readonly userId: string;
	readonly rawDisplayName: string;
}

function memberEvent(stateKey: string, sender: string, membership: string, displayname?: string): MatrixEvent {
	return {
		getType: () => 'm.room.member',
		getStateKey: () => stateKey,
		getSender: () => sender,
		getContent: () => ({ membership, ...(displayname === undefined ? {} : { displayname }) }),
	} as unknown as MatrixEvent;
}

function room(members: readonly Member[], timeline: readonly MatrixEvent[]): Room {
	return { getMembers: () => members, getLiveTimeline: () => ({ getEvents: () => timeline }) } as unknown as Room;
}

describe('memberNames', () => {
	it('takes the names the room’s state holds, and leaves out a member whose name is their ID or empty', () => {
		const names = memberNames(
			room(
				[
					{ userId: ANA, rawDisplayName: 'Ana López' },
					{ userId: AMINA, rawDisplayName: AMINA },
					{ userId: '@x:b.example', rawDisplayName: '  ' },
				],
				[],
			),
		);
		expect([...names]).toEqual([[ANA, 'Ana López']]);
	});

	it('names a member whose state is still the invitation from their own join in the timeline (the state_after gap)', () => {
		const names = memberNames(
			room(
				[
					{ userId: ANA, rawDisplayName: 'Ana López' },
					{ userId: AMINA, rawDisplayName: AMINA },
				],
				[memberEvent(AMINA, ANA, 'invite'), memberEvent(AMINA, AMINA, 'join', 'Amina Bello')],
			),
		);
		expect(names.get(AMINA)).toBe('Amina Bello');
	});

	it('keeps the state’s name over the timeline’s, takes the latest join, and believes no one naming someone else', () => {
		const names = memberNames(
			room(
				[{ userId: ANA, rawDisplayName: 'Ana López' }],
				[
					memberEvent(ANA, ANA, 'join', 'Ana (old)'),
					memberEvent(AMINA, AMINA, 'join', 'Amina'),
					memberEvent(AMINA, AMINA, 'join', 'Amina Bello'),
					memberEvent('@x:b.example', ANA, 'join', 'Named by Ana'),
					memberEvent('@y:b.example', ANA, 'invite', 'Invited Y'),
				],
			),
		);
		expect(names.get(ANA)).toBe('Ana López');
		expect(names.get(AMINA)).toBe('Amina Bello');
		expect(names.has('@x:b.example')).toBe(false);
		expect(names.has('@y:b.example')).toBe(false);
	});
});
