import { describe, expect, it } from 'vitest';
import { addressKey, SignInLimiter } from './sign-in-limiter.ts';

const settings = { burst: 30, refillMs: 10_000, maxAddresses: 100 };

function limiter(options = settings) {
	let now = Date.UTC(2026, 0, 1);
	const limit = new SignInLimiter(options, () => now);
	return { limit, advance: (ms: number) => void (now += ms) };
}

describe('SignInLimiter', () => {
	it('lets 30 rapid refused attempts through and stops the 31st, saying when to come back', () => {
		const { limit } = limiter();
		for (let i = 0; i < 30; i++) expect(limit.take('127.0.0.9')).toEqual({ allowed: true });
		expect(limit.take('127.0.0.9')).toEqual({ allowed: false, retryAfterSeconds: 10 });
		// Other addresses are not affected.
		expect(limit.take('127.0.0.10')).toEqual({ allowed: true });
	});

	it('gives one attempt back per refill period', () => {
		const { limit, advance } = limiter();
		for (let i = 0; i < 30; i++) limit.take('10.0.0.1');
		advance(4_000);
		expect(limit.take('10.0.0.1')).toEqual({ allowed: false, retryAfterSeconds: 6 });
		advance(6_000);
		expect(limit.take('10.0.0.1')).toEqual({ allowed: true });
		expect(limit.take('10.0.0.1').allowed).toBe(false);
	});

	it('never limits successful sign-ins: each gives its attempt back', () => {
		const { limit } = limiter();
		for (let i = 0; i < 1_000; i++) {
			expect(limit.take('127.0.0.1')).toEqual({ allowed: true });
			limit.refund('127.0.0.1');
		}
		expect(limit.size).toBe(0);
	});

	it('counts concurrent attempts as they start, not as they end', () => {
		const { limit } = limiter();
		const admitted = Array.from({ length: 100 }, () => limit.take('127.0.0.9')).filter((a) => a.allowed);
		expect(admitted).toHaveLength(30);
	});

	it('remembers a bounded number of addresses however many attack, least recently used dropped first', () => {
		const { limit } = limiter({ ...settings, maxAddresses: 1_000 });
		for (let i = 0; i < 100_000; i++) {
			limit.take(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
			expect(limit.size).toBeLessThanOrEqual(1_000);
		}
		expect(limit.size).toBe(1_000);
	});

	it('keeps a flooding address limited while fewer other addresses than the bound come and go', () => {
		const { limit } = limiter();
		for (let i = 0; i < 31; i++) limit.take('127.0.0.9');
		for (let i = 0; i < 99; i++) limit.take(`10.0.0.${i}`);
		expect(limit.take('127.0.0.9').allowed).toBe(false);
	});

	it('counts an IPv6 client by its /64 and an IPv4-mapped address as IPv4', () => {
		const { limit } = limiter();
		for (let i = 0; i < 30; i++) limit.take(`2001:db8:1:2::${i.toString(16)}`);
		expect(limit.take('2001:db8:1:2:ffff:1:2:3').allowed).toBe(false);
		expect(limit.take('2001:db8:1:3::1').allowed).toBe(true);
		expect(addressKey('::ffff:127.0.0.9')).toBe('127.0.0.9');
		expect(addressKey('2001:0db8:0001:0002:0000:0000:0000:0001')).toBe('2001:db8:1:2::/64');
		expect(addressKey('[::1]')).toBe('0:0:0:0::/64');
		expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
	});
});
