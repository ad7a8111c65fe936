// Limits refused sign-ins (POST /api/session) per client address: a token
// bucket per address holding `burst` attempts, one more every `refillMs`.
// An attempt takes a token before anything is checked (so many concurrent
// attempts cannot all slip past one check) and a successful one gives it
// back: only refusals use the budget, and people signing in normally never
// meet the limit. An empty bucket answers 429 with Retry-After.
// Memory is bounded: at most `maxAddresses` buckets, the least recently used
// dropped first (a full bucket is the same as none, so refunded ones go at
// once). NOTE: an attacker rotating more addresses than that gets fresh
// buckets; per-address limits never stop a distributed attack, they keep one
// client from flooding the homeservers' whoami through this server. IPv6
// clients are counted per /64 (one host usually holds a whole /64). The
// address is the one the adapter gives (the socket's, unless the operator
// configured a trusted proxy header); X-Forwarded-For is never read here.

export interface LimiterSettings {
	readonly burst: number;
	readonly refillMs: number;
	readonly maxAddresses: number;
}

export const SIGN_IN_LIMIT: Omit<LimiterSettings, 'maxAddresses'> = { burst: 30, refillMs: 10_000 };

export type Admission = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

interface Bucket {
	tokens: number;
	at: number;
}

/** The key an address is counted under: IPv4 (also when IPv4-mapped) as is; IPv6 by its /64. */
export function addressKey(address: string): string {
	const bare = address
		.trim()
		.toLowerCase()
		.replace(/^\[|\]$/g, '');
	const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(bare);
	if (mapped?.[1] !== undefined) return mapped[1];
	if (!bare.includes(':')) return bare;
	const withoutZone = bare.split('%')[0] ?? bare;
	const [head = '', tail = ''] = withoutZone.split('::');
	const left = head === '' ? [] : head.split(':');
	const right = tail === '' ? [] : tail.split(':');
	const groups = withoutZone.includes('::')
		? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
		: left;
	return `${groups
		.slice(0, 4)
		.map((g) => (g === '' ? '0' : g.replace(/^0+(?=.)/, '')))
		.join(':')}::/64`;
}

export class SignInLimiter {
	readonly #settings: LimiterSettings;
	readonly #now: () => number;
	readonly #buckets = new Map<string, Bucket>();

	constructor(settings: LimiterSettings, now: () => number = Date.now) {
		this.#settings = settings;
		this.#now = now;
	}

	/** How many addresses are remembered. */
	get size(): number {
		return this.#buckets.size;
	}

	/** Takes one attempt from the address's bucket, or says when the next one is free. */
	take(address: string): Admission {
		const key = addressKey(address);
		const now = this.#now();
		const bucket = this.#current(key, now);
		if (bucket.tokens < 1) {
			this.#remember(key, bucket);
			return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(((1 - bucket.tokens) * this.#settings.refillMs) / 1000)) };
		}
		bucket.tokens -= 1;
		this.#remember(key, bucket);
		return { allowed: true };
	}

	/** Gives back the attempt a successful sign-in took. */
	refund(address: string): void {
		const key = addressKey(address);
		const bucket = this.#buckets.get(key);
		if (bucket === undefined) return;
		const current = this.#current(key, this.#now());
		current.tokens = Math.min(this.#settings.burst, current.tokens + 1);
		if (current.tokens >= this.#settings.burst) this.#buckets.delete(key);
		else this.#buckets.set(key, current);
	}

	#current(key: string, now: number): Bucket {
		const bucket = this.#buckets.get(key);
		if (bucket === undefined) return { tokens: this.#settings.burst, at: now };
		const refilled = Math.min(this.#settings.burst, bucket.tokens + Math.max(0, now - bucket.at) / this.#settings.refillMs);
		return { tokens: refilled, at: now };
	}

	/** Stores the bucket as the most recently used, dropping the least recently used beyond the bound. */
	#remember(key: string, bucket: Bucket): void {
		this.#buckets.delete(key);
		this.#buckets.set(key, bucket);
		while (this.#buckets.size > this.#settings.maxAddresses) {
			const oldest = this.#buckets.keys().next();
			if (oldest.done === true) break;
			this.#buckets.delete(oldest.value);
		}
	}
}
