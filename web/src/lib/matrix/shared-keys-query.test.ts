import { describe, expect, it } from 'vitest';
import { sharingKeysQueries } from './shared-keys-query.ts';

const URL_ = 'http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/keys/query';
const BODY = JSON.stringify({ device_keys: { '@ana:hs': [] } });

/** A fetch whose answers come when the test says, counting what it sends. */
function slowFetch() {
	const sent: { url: string; body: unknown }[] = [];
	const pending: ((response: Response) => void)[] = [];
	const fetchImpl: typeof fetch = (input, init) => {
		sent.push({ url: input instanceof Request ? input.url : input.toString(), body: init?.body });
		return new Promise((resolve) => pending.push(resolve));
	};
	const answer = (text: string) => pending.shift()?.(new Response(text, { status: 200, headers: { 'Content-Type': 'application/json' } }));
	return { sent, answer, fetchImpl };
}

const post = (body = BODY, token = 't1'): RequestInit => ({ method: 'POST', body, headers: { Authorization: `Bearer ${token}` } });

describe('sharingKeysQueries', () => {
	it('sends one of two identical queries asked while the first is in flight, and gives each the whole answer', async () => {
		const line = slowFetch();
		const shared = sharingKeysQueries(line.fetchImpl);
		const first = shared(new URL(URL_), post());
		const second = shared(URL_, post());
		expect(line.sent).toHaveLength(1);
		line.answer('{"device_keys":{}}');
		expect(await (await first).json()).toEqual({ device_keys: {} });
		expect(await (await second).json()).toEqual({ device_keys: {} });
	});

	it('sends again once the answer came, and sends different queries, tokens and other requests as they are', async () => {
		const line = slowFetch();
		const shared = sharingKeysQueries(line.fetchImpl);
		const first = shared(URL_, post());
		line.answer('{}');
		await first;
		void shared(URL_, post());
		void shared(URL_, post(JSON.stringify({ device_keys: { '@bo:hs': [] } })));
		void shared(URL_, post(BODY, 't2'));
		void shared('http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/keys/upload', post());
		void shared('http://127.0.0.1:8080/matrix/hs/_matrix/client/v3/keys/upload', post());
		void shared(URL_, { method: 'GET' });
		expect(line.sent).toHaveLength(7);
	});
});
