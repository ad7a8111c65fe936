import { describe, expect, it } from 'vitest';
import type { Arrival } from '#policies/trust/index.ts';
import { EventTrust } from './event-trust.ts';

const TRUSTED: Arrival = {
	encrypted: true,
	roomEncrypted: true,
	shield: 'unverified-identity',
	identityChanged: false,
	senderVerified: false,
};
const CLEAR: Arrival = { encrypted: false, roomEncrypted: true };

describe('EventTrust', () => {
	it('judges each event once with the shared rule; an event not judged yet does not count', async () => {
		const trust = new EventTrust();
		const asked: string[] = [];
		const ask = (id: string): Promise<Arrival | undefined> => {
			asked.push(id);
			return Promise.resolve(id === '$clear' ? CLEAR : id === '$gone' ? undefined : TRUSTED);
		};
		expect(trust.counts('$real')).toBe(false);
		const events = [
			{ id: '$real', sender: '@a:hs' },
			{ id: '$clear', sender: '@b:hs' },
			{ id: '$gone', sender: '@a:hs' },
		];
		await Promise.all([trust.settle(events, ask), trust.settle(events, ask)]);
		expect(asked.sort()).toEqual(['$clear', '$gone', '$real']);
		expect(trust.counts('$real')).toBe(true);
		expect(trust.verdict('$clear')).toMatchObject({ counts: false, code: 'not-encrypted' });
		expect(trust.verdict('$gone')).toBeUndefined();
		await trust.settle(events, ask);
		expect(asked.filter((id) => id === '$real')).toHaveLength(1);
		expect(asked.filter((id) => id === '$gone')).toHaveLength(2);
	});

	it('forgets a sender’s verdicts so they are judged again, and survives a failing ask', async () => {
		const trust = new EventTrust();
		let changed = true;
		const ask = (): Promise<Arrival> =>
			Promise.resolve({
				encrypted: true,
				roomEncrypted: true,
				shield: 'unverified-identity',
				identityChanged: changed,
				senderVerified: false,
			});
		await trust.settle([{ id: '$1', sender: '@a:hs' }], ask);
		expect(trust.verdict('$1')).toMatchObject({ counts: false, code: 'identity-changed' });
		changed = false;
		trust.forgetSender('@a:hs');
		await trust.settle([{ id: '$1', sender: '@a:hs' }], ask);
		expect(trust.counts('$1')).toBe(true);
		await trust.settle([{ id: '$2', sender: '@a:hs' }], () => Promise.reject(new Error('crypto gone')));
		expect(trust.verdict('$2')).toBeUndefined();
	});
});
