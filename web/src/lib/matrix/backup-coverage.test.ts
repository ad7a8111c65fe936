import { describe, expect, it } from 'vitest';
import { keysOutsideBackup } from './backup-coverage.ts';

describe('keysOutsideBackup', () => {
	const held = [
		{ room_id: '!a:x', session_id: 's1' },
		{ room_id: '!a:x', session_id: 's2' },
		{ room_id: '!b:x', session_id: 's1' },
	];

	it('counts the held keys whose room and session the backup does not list', () => {
		expect(keysOutsideBackup(held, { '!a:x': { sessions: { s1: {}, s2: {} } }, '!b:x': { sessions: { s1: {} } } })).toBe(0);
		expect(keysOutsideBackup(held, { '!a:x': { sessions: { s1: {} } } })).toBe(2);
		// A session ID backed up for another room is not this key.
		expect(keysOutsideBackup(held, { '!a:x': { sessions: { s1: {}, s2: {} } }, '!c:x': { sessions: { s1: {} } } })).toBe(1);
		expect(keysOutsideBackup(held, {})).toBe(3);
		expect(keysOutsideBackup([], {})).toBe(0);
	});
});
