import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { open, tempDir } from './testing.ts';

const ROOM = '!case:gt.example';
const STEP = {
	alertId: ROOM,
	kind: 'urgent-request',
	room: ROOM,
	step: 0,
	as: 'on-call',
	recipients: ['@ana:gt.example'],
	dueAt: 1000,
	recordedAt: 1500,
	held: [],
} as const;

describe('the escalation steps in the register', () => {
	let dir = tempDir();
	afterEach(() => {
		dir.cleanup();
		dir = tempDir();
	});
	afterAll(() => dir.cleanup());

	it('records a step unsent, marks it sent once, and lists an alert’s and a room’s steps', () => {
		const register = open(dir.file('r.sqlite'));
		const store = register.escalations;
		expect(store.record(STEP)).toEqual({ ok: true, value: { ...STEP, sentAt: null } });
		expect(store.markSent(ROOM, 0, 1600).ok).toBe(true);
		expect(store.markSent(ROOM, 0, 9999).ok).toBe(true);
		expect(store.record({ ...STEP, step: 1, as: 'officers', recipients: ['@o1:gt.example', '@o2:gt.example'], recordedAt: 3000 }).ok).toBe(
			true,
		);
		expect(store.record({ ...STEP, alertId: '$pres', kind: 'preservation-lapsing', recordedAt: 2000 }).ok).toBe(true);
		const steps = store.ofAlert(ROOM);
		expect(steps.ok && steps.value.map((s) => [s.step, s.as, s.sentAt])).toEqual([
			[0, 'on-call', 1600],
			[1, 'officers', null],
		]);
		const room = store.ofRoom(ROOM);
		expect(room.ok && room.value.map((s) => `${s.alertId}#${s.step}`)).toEqual([`${ROOM}#0`, '$pres#0', `${ROOM}#1`]);
		register.close();
	});

	it('lists the sent steps whose case room was not told yet, until each is marked noted once', () => {
		const register = open(dir.file('r.sqlite'));
		const store = register.escalations;
		store.record(STEP);
		store.record({ ...STEP, step: 1, as: 'officers', recordedAt: 3000 });
		expect(store.unnoted()).toEqual({ ok: true, value: [] });
		store.markSent(ROOM, 0, 1600);
		store.markSent(ROOM, 1, 3100);
		const listed = store.unnoted();
		expect(listed.ok && listed.value.map((s) => s.step)).toEqual([0, 1]);
		expect(store.markNoted(ROOM, 0, 1700).ok).toBe(true);
		expect(store.markNoted(ROOM, 0, 9999).ok).toBe(true);
		const left = store.unnoted();
		expect(left.ok && left.value.map((s) => s.step)).toEqual([1]);
		register.close();
	});

	it('keeps a step recorded twice (a restart before it was sent) as it was first recorded: never a second step', () => {
		const register = open(dir.file('r.sqlite'));
		register.escalations.record(STEP);
		const again = register.escalations.record({ ...STEP, recipients: ['@ben:gt.example'], recordedAt: 5000 });
		expect(again).toEqual({ ok: true, value: { ...STEP, sentAt: null } });
		const steps = register.escalations.ofAlert(ROOM);
		expect(steps.ok && steps.value).toHaveLength(1);
		register.close();
	});

	it('says what failed, as a value, once the file is closed', () => {
		const register = open(dir.file('r.sqlite'));
		const store = register.escalations;
		register.close();
		const read = store.ofAlert(ROOM);
		expect(read.ok).toBe(false);
		expect(!read.ok && read.error.message).toMatch(/r\.sqlite/);
	});

	it('keeps whom the cap held, and counts the steps that mail a person since a time, held ones not', () => {
		const register = open(dir.file('r.sqlite'));
		const store = register.escalations;
		store.record({ ...STEP, recipients: ['@ana:gt.example', '@ben:gt.example'], recordedAt: 1000 });
		store.record({
			...STEP,
			alertId: '!b',
			room: '!b',
			recipients: ['@ana:gt.example', '@ben:gt.example'],
			held: ['@ben:gt.example'],
			recordedAt: 2000,
		});
		store.record({ ...STEP, alertId: '!c', room: '!c', recipients: ['@ana:gt.example'], recordedAt: 3000 });
		expect(store.ofAlert('!b')).toMatchObject({ ok: true, value: [{ held: ['@ben:gt.example'] }] });
		expect(store.mailedSince('@ana:gt.example', 0)).toEqual({ ok: true, value: 3 });
		expect(store.mailedSince('@ana:gt.example', 2000)).toEqual({ ok: true, value: 2 });
		expect(store.mailedSince('@ben:gt.example', 0)).toEqual({ ok: true, value: 1 });
		expect(store.mailedSince('@ben:gt.example', 1500)).toEqual({ ok: true, value: 0 });
		expect(store.mailedSince('@eve:gt.example', 0)).toEqual({ ok: true, value: 0 });
		register.close();
	});
});
