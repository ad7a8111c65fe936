// The sync gate: a fetch for matrix-js-sdk (createClient's `fetchFn`) that
// holds the requests by which the homeserver would learn that the bot has
// safely kept what it received, until the bot has.
//
// - `/sync?since=T` tells Synapse that everything up to T arrived: it deletes
//   the to-device messages (room keys!) delivered before T. The SDK asks for
//   it only after processing the response that ended at T (its to-device
//   messages are in the crypto store by then), so holding that request until
//   the batch that ended at T is committed — events, invitations, sync token
//   T and a snapshot of the stores, in one sink transaction — means a crash
//   at any instant restarts from a committed T whose keys are in the
//   committed store, and Synapse redelivers everything after it.
// - `/keys/upload` (one-time and fallback keys), `/keys/device_signing/upload`
//   and `/keys/signatures/upload` publish keys whose private halves are in
//   the crypto store: the store is checkpointed before they leave, or a crash
//   would leave the homeserver handing out keys the bot no longer has.
// The response of each /sync is also read here (a clone), so the bridge sees
// exactly which events each batch brought.

export interface GateHooks {
	/** Resolves when the request for `since` may go (the batch that ended at `since` is committed). */
	beforeSync(since: string | undefined): Promise<void>;
	/** A /sync response body (2xx), before the SDK processes it. */
	afterSync(since: string | undefined, body: unknown): void;
	/** Resolves when the crypto store is checkpointed and the key upload at `path` may go. */
	beforeKeyUpload(path: string): Promise<void>;
}

const KEY_UPLOAD = /\/keys\/(upload|device_signing\/upload|signatures\/upload)$/;

function urlOf(input: string | URL | Request): URL {
	if (input instanceof URL) return input;
	return new URL(typeof input === 'string' ? input : input.url);
}

export function gatedFetch(hooks: GateHooks, base: typeof fetch = globalThis.fetch): typeof fetch {
	return async (input, init) => {
		const url = urlOf(input);
		if (url.pathname.endsWith('/sync')) {
			const since = url.searchParams.get('since') ?? undefined;
			await hooks.beforeSync(since);
			const response = await base(input, init);
			if (response.ok) hooks.afterSync(since, await response.clone().json());
			return response;
		}
		if (KEY_UPLOAD.test(url.pathname)) await hooks.beforeKeyUpload(url.pathname);
		return base(input, init);
	};
}
