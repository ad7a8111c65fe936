// The alert-settings room as this browser finds it, and the settings read back from this account's own messages.
import { describe, expect, it, vi } from 'vitest';
import { buildAlertPreferencesContent } from '#policies/alerts/preferences.ts';
import { ALERT_ROOM_MARKER, alertRoomOf, sentPreferences } from './alert-room.ts';
import type { MatrixClient, MatrixEvent, Room } from './sdk.ts';

const SELF = '@bola:ng.example';
const BRIDGE = '@rogatory-bridge:ng.example';

const message = (sender: string, content: Record<string, unknown>, type = 'm.room.message', encrypted = true): MatrixEvent =>
	({
		getSender: () => sender,
		getType: () => type,
		getContent: () => content,
		isDecryptionFailure: () => false,
		isEncrypted: () => encrypted,
		isBeingDecrypted: () => false,
	}) as unknown as MatrixEvent;

const room = (id: string, marker: unknown, events: MatrixEvent[] = [], membership = 'join', encrypted = true): Room =>
	({
		roomId: id,
		getMyMembership: () => membership,
		hasEncryptionStateEvent: () => encrypted,
		currentState: {
			getStateEvents: (type: string) => (type === ALERT_ROOM_MARKER && marker !== undefined ? { getContent: () => marker } : null),
		},
		getLiveTimeline: () => ({ getEvents: () => events }),
	}) as unknown as Room;

const client = (rooms: Room[], decrypt = vi.fn(() => Promise.resolve())): MatrixClient =>
	({ getRooms: () => rooms, getUserId: () => SELF, decryptEventIfNeeded: decrypt }) as unknown as MatrixClient;

describe('the alert-settings room', () => {
	it('is the joined, encrypted room marked for this bridge', () => {
		const rooms = [
			room('!other', { bridge: '@rogatory-bridge:gt.example' }),
			room('!clear', { bridge: BRIDGE }, [], 'join', false),
			room('!invited', { bridge: BRIDGE }, [], 'invite'),
			room('!plain', undefined),
			room('!mine', { bridge: BRIDGE }),
		];
		expect(alertRoomOf(client(rooms), BRIDGE)?.roomId).toBe('!mine');
		expect(alertRoomOf(client(rooms.slice(0, 4)), BRIDGE)).toBeUndefined();
	});

	it('gives back the newest settings this account sent, never another member’s, and asks for its own to be decrypted', () => {
		const decrypt = vi.fn(() => Promise.resolve());
		const events = [
			message(SELF, buildAlertPreferencesContent({ version: 5, email: 'new@home.example', off: ['new-requests'] })),
			message(SELF, buildAlertPreferencesContent({ version: 3, email: 'old@home.example', off: [] })),
			message(BRIDGE, buildAlertPreferencesContent({ version: 9, email: 'eve@evil.example', off: [] })),
			message(SELF, {}, 'm.room.encrypted'),
		];
		const r = room('!mine', { bridge: BRIDGE }, events);
		expect(sentPreferences(client([r], decrypt), r)).toEqual({ version: 5, email: 'new@home.example', off: ['new-requests'] });
		expect(decrypt).toHaveBeenCalledTimes(1);
		expect(sentPreferences(client([]), room('!empty', { bridge: BRIDGE }))).toBeUndefined();
	});
});
