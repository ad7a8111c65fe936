import { describe, expect, it } from 'vitest';
import { escalationChain, nextStep, type FocalPoint } from './escalation.ts';

const H = 3_600_000;
const T = Date.UTC(2026, 11, 4, 9);
const ana: FocalPoint = { userId: '@ana:gt', rota: [{ from: T - 2 * H, to: T + 6 * H }] };
const ben: FocalPoint = { userId: '@ben:gt', rota: [{ from: T + 6 * H, to: T + 14 * H }] };
const cai: FocalPoint = { userId: '@cai:gt', rota: [{ from: T + 14 * H, to: T + 22 * H }] };
const off: FocalPoint = { userId: '@off:gt', rota: [{ from: T - 30 * H, to: T - 22 * H }] };
const SETTINGS = { ackWithinMinutes: 30 };

describe('the escalation chain', () => {
	it('is the one on call, then the next on duty in order, then every officer at once', () => {
		const chain = escalationChain([cai, off, ben, ana], ['@o2:gt', '@o1:gt', '@o1:gt'], T);
		expect(chain).toEqual([
			{ to: ['@ana:gt'], as: 'on-call' },
			{ to: ['@ben:gt'], as: 'next-on-duty' },
			{ to: ['@cai:gt'], as: 'next-on-duty' },
			{ to: ['@o1:gt', '@o2:gt'], as: 'officers' },
		]);
	});

	it('goes straight to the officers when no one is on a rota, and is empty when there is no one at all', () => {
		expect(escalationChain([off], ['@o1:gt'], T)).toEqual([{ to: ['@o1:gt'], as: 'officers' }]);
		expect(escalationChain([], [], T)).toEqual([]);
	});
});

describe('the next step', () => {
	const chain = escalationChain([ana, ben], ['@o1:gt'], T);

	it('tells the one on call at once, the next after the wait counted from when the previous step went', () => {
		expect(nextStep(chain, [], false, T, SETTINGS)).toEqual({ kind: 'due', index: 0, step: chain[0], at: T });
		// The first step went 20 minutes late (the bridge was down): the second waits its full 30 minutes after it.
		const late = T + 20 * 60_000;
		expect(nextStep(chain, [{ index: 0, at: late }], false, T, SETTINGS)).toMatchObject({ index: 1, at: late + 30 * 60_000 });
	});

	it('neither skips nor repeats a step, whatever order the register gives them in', () => {
		const taken = [
			{ index: 1, at: T + H },
			{ index: 0, at: T },
		];
		expect(nextStep(chain, taken, false, T, SETTINGS)).toMatchObject({ kind: 'due', index: 2, step: { as: 'officers' } });
		expect(nextStep(chain, [...taken, { index: 2, at: T + 2 * H }], false, T, SETTINGS)).toEqual({ kind: 'exhausted' });
	});

	it('stops for everyone once someone acknowledged', () => {
		expect(nextStep(chain, [{ index: 0, at: T }], true, T, SETTINGS)).toEqual({ kind: 'acknowledged' });
	});
});
