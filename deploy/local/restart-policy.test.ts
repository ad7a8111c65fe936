import { describe, expect, it } from 'vitest';
import { LOCAL_RESTART, restartDecision } from './restart-policy.ts';

describe('restarting a homeserver that stopped on its own', () => {
	it('restarts it after the pause', () => {
		expect(restartDecision(LOCAL_RESTART, [], 1_000_000)).toEqual({ restart: true, inMs: 10_000 });
	});

	it('stops restarting after the burst within the window, and starts again once the window has passed', () => {
		const now = 10_000_000;
		const five = [now - 500_000, now - 400_000, now - 300_000, now - 200_000, now - 100_000];
		const refused = restartDecision(LOCAL_RESTART, five, now);
		expect(refused.restart).toBe(false);
		expect(refused.restart === false && refused.reason).toBe('it was restarted 5 times in the last 10 minutes; not again');
		expect(restartDecision(LOCAL_RESTART, five, now + 200_000).restart).toBe(true);
	});
});
