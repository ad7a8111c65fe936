// One /keys/query on the wire for identical ones asked at the same time.
// Why there were several: as a session starts, the SDK's Rust crypto asks
// for the account's own keys (its user is new or its device list changed),
// and its userHasCrossSigningKeys — which the trust read right after sign-in
// calls (trust.ts) — always asks for them again, by design, at the same
// moment; on a 300 ms line each is a round trip of its own. A query for the
// same users, with the same token, while an identical one is in flight takes
// that one's answer. NOTE: only while it is in flight: the in-flight one was
// sent at most one round trip earlier, after the crypto had marked the keys
// outdated, so its answer is as fresh as a second one would be; a query
// asked after an answer came is sent again (a device-list change between
// them is exactly what it may be for).

const KEYS_QUERY = /\/_matrix\/client\/[^/]+\/keys\/query$/;

function authorization(headers: HeadersInit | undefined): string {
	if (headers === undefined) return '';
	return new Headers(headers).get('Authorization') ?? '';
}

export function sharingKeysQueries(fetchImpl: typeof fetch): typeof fetch {
	const inFlight = new Map<string, Promise<Response>>();
	return (input, init) => {
		const url = input instanceof Request ? input.url : String(input);
		const path = URL.parse(url)?.pathname ?? '';
		if (init?.method !== 'POST' || typeof init.body !== 'string' || !KEYS_QUERY.test(path)) return fetchImpl(input, init);
		const key = JSON.stringify([url, authorization(init.headers), init.body]);
		let shared = inFlight.get(key);
		if (shared === undefined) {
			const sent = fetchImpl(input, init);
			shared = sent;
			inFlight.set(key, sent);
			const forget = (): void => {
				if (inFlight.get(key) === sent) inFlight.delete(key);
			};
			sent.then(forget, forget);
		}
		// Each asker reads a copy; the answer itself is never read, so any number of copies can be made.
		return shared.then((response) => response.clone());
	};
}
