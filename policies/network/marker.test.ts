import { describe, expect, it } from 'vitest';
import { REFCO, WACAP } from '../roster/testing/networks.ts';
import { ROOM_MARKER_KEY, roomMarker, roomMarkerOf } from './marker.ts';

const svc = '@rogatory-secretariat-refco:sec.example';
const create = (marker: unknown, sender = svc) => ({ sender, content: { 'm.federate': true, [ROOM_MARKER_KEY]: marker } });

describe('roomMarkerOf', () => {
	it('reads the marker of a room its expected service account created', () => {
		expect(roomMarkerOf(create(roomMarker('plenary', [REFCO.id])), [svc])).toEqual({
			ok: true,
			value: { version: 1, kind: 'plenary', networks: ['REFCO'] },
		});
		expect(roomMarkerOf(create(roomMarker('working-group', [REFCO.id], 3)), [svc])).toMatchObject({ ok: true, value: { workingGroup: 3 } });
		expect(roomMarkerOf(create(roomMarker('joint-channel', [REFCO.id, WACAP.id])), [svc])).toMatchObject({ ok: true });
	});

	it('refuses the same marker in a room someone else created', () => {
		expect(roomMarkerOf(create(roomMarker('announcements', [REFCO.id]), '@mallory:sec.example'), [svc])).toMatchObject({ ok: false });
	});

	it('refuses a malformed marker with a reason', () => {
		for (const bad of [
			undefined,
			'plenary',
			{ version: 2, kind: 'plenary', networks: ['REFCO'] },
			{ version: 1, kind: 'lobby', networks: ['REFCO'] },
			{ version: 1, kind: 'plenary', networks: ['REFCO', 'WACAP'] },
			{ version: 1, kind: 'joint-space', networks: ['REFCO'] },
			{ version: 1, kind: 'working-group', networks: ['REFCO'] },
			{ version: 1, kind: 'working-group', networks: ['REFCO'], workingGroup: 0 },
			{ version: 1, kind: 'plenary', networks: ['REFCO'], workingGroup: 2 },
		]) {
			const read = roomMarkerOf(create(bad), [svc]);
			expect(read.ok, JSON.stringify(bad)).toBe(false);
			if (!read.ok) expect(read.error.length).toBeGreaterThan(0);
		}
	});
});
