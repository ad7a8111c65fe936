import { describe, expect, it } from 'vitest';
import { EARLY_KEEP_MS, EarlyAnswers } from './early-answers.ts';

const BASE = 'https://app.test/matrix/hs.test/_matrix/client/v3';
const TOKEN = { Authorization: 'Bearer t1' };

function server() {
	const asked: { url: string; method: string }[] = [];
	let serial = 0;
	let failing = false;
	const fetchImpl: typeof fetch = (input, init) => {
		asked.push({ url: input instanceof Request ? input.url : input.toString(), method: init?.method ?? 'GET' });
		if (failing) return Promise.reject(new TypeError('Failed to fetch'));
		return Promise.resolve(new Response(JSON.stringify({ serial: ++serial })));
	};
	return { asked, fetchImpl, fail: (on: boolean) => (failing = on) };
}

const body = async (r: Response) => ((await r.json()) as { serial: number }).serial;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('early answers', () => {
	it("hands an answer asked early to the client's identical GET, once", async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		await settle();
		expect(await body(await early.fetch(`${BASE}/pushrules/`, { method: 'GET', headers: TOKEN }))).toBe(1);
		expect(await body(await early.fetch(`${BASE}/pushrules/`, { method: 'GET', headers: TOKEN }))).toBe(2);
		expect(hs.asked).toHaveLength(2);
	});

	it('waits for an early answer still on its way rather than asking again', async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		expect(await body(await early.fetch(new URL(`${BASE}/pushrules/`), { headers: TOKEN }))).toBe(1);
		expect(hs.asked).toHaveLength(1);
	});

	it('never hands it to another URL or another token', async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		await early.fetch(`${BASE}/capabilities`, { headers: TOKEN });
		await early.fetch(`${BASE}/pushrules/`, { headers: { Authorization: 'Bearer someone-else' } });
		expect(hs.asked).toHaveLength(3);
	});

	it('asks again when the early answer is old', async () => {
		const hs = server();
		let now = 0;
		const early = new EarlyAnswers(hs.fetchImpl, () => now);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		await settle();
		now = EARLY_KEEP_MS + 1;
		expect(await body(await early.fetch(`${BASE}/pushrules/`, { headers: TOKEN }))).toBe(2);
	});

	it('drops it when the client writes under the same path meanwhile', async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		await settle();
		await early.fetch(`${BASE}/pushrules/global/override/x/enabled`, { method: 'PUT', headers: TOKEN, body: '{}' });
		expect(await body(await early.fetch(`${BASE}/pushrules/`, { headers: TOKEN }))).toBe(3);
	});

	it('asks again when the early request failed, and keeps nothing of it', async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		hs.fail(true);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		await settle();
		hs.fail(false);
		expect(await body(await early.fetch(`${BASE}/pushrules/`, { headers: TOKEN }))).toBe(1);
		expect(hs.asked).toHaveLength(2);
	});

	it('asks again when the early request fails while the client waits for it', async () => {
		const hs = server();
		const early = new EarlyAnswers(hs.fetchImpl);
		hs.fail(true);
		early.ask(`${BASE}/pushrules/`, TOKEN);
		const answer = early.fetch(`${BASE}/pushrules/`, { headers: TOKEN });
		hs.fail(false);
		expect(await body(await answer)).toBe(1);
	});
});
