// The key backup's version, asked once for a few seconds instead of once per
// step. Starting a session and recovering with the recovery key ask
// GET /room_keys/version up to five times in a row (the SDK's backup check on
// start, then reading the backup key, enabling the backup and restoring from
// it each ask again), one after another: on a 300 ms line, over a second. An
// answer is kept for a few seconds and given to the next asker; any write to
// the backup (creating, replacing or deleting one: POST, PUT or DELETE under
// /room_keys/) forgets it at once, so a backup this device just made is never
// hidden behind an old "none". Restoring asks for the backup's own version
// (GET /room_keys/version/{version}) right after: the kept answer serves it
// too when it is that version — the same resource, one round trip less.

const VERSION = /\/_matrix\/client\/[^/]+\/room_keys\/version$/;
/** A given version's info: the same answer as the current version's, when it is that one. */
const GIVEN_VERSION = /^(.*\/_matrix\/client\/[^/]+\/room_keys\/version)\/([^/]+)$/;
const ROOM_KEYS = /\/_matrix\/client\/[^/]+\/room_keys\//;

/** Whose answer for which address: another token is another account's answer. */
const keyOf = (url: string, init: RequestInit | undefined): string =>
	JSON.stringify([url, new Headers(init?.headers).get('Authorization') ?? '']);

/** How long an answer is given again. */
export const BACKUP_VERSION_KEEP_MS = 5_000;

export function cachingBackupVersion(fetchImpl: typeof fetch, now: () => number = () => performance.now()): typeof fetch {
	let kept: { readonly key: string; readonly at: number; readonly answer: Promise<Response> } | undefined;
	return (input, init) => {
		const url = input instanceof Request ? input.url : input.toString();
		const path = URL.parse(url)?.pathname ?? '';
		const method = (init?.method ?? 'GET').toUpperCase();
		if (!ROOM_KEYS.test(path)) return fetchImpl(input, init);
		const given = method === 'GET' ? GIVEN_VERSION.exec(path) : null;
		if (given !== null) {
			const current = new URL(url);
			current.pathname = given[1]!;
			const key = keyOf(current.href, init);
			const version = decodeURIComponent(given[2]!);
			if (kept === undefined || kept.key !== key || now() - kept.at > BACKUP_VERSION_KEEP_MS) return fetchImpl(input, init);
			return kept.answer.then(
				async (response) => {
					const info = response.ok ? ((await response.clone().json()) as { version?: unknown }) : undefined;
					return info?.version === version ? response.clone() : fetchImpl(input, init);
				},
				() => fetchImpl(input, init),
			);
		}
		if (method !== 'GET' || !VERSION.test(path)) {
			kept = undefined;
			return fetchImpl(input, init);
		}
		const key = keyOf(url, init);
		if (kept === undefined || kept.key !== key || now() - kept.at > BACKUP_VERSION_KEEP_MS) {
			const answer = fetchImpl(input, init);
			const entry = { key, at: now(), answer };
			kept = entry;
			// A failed request is not kept.
			answer.catch(() => {
				if (kept === entry) kept = undefined;
			});
		}
		return kept.answer.then((response) => response.clone());
	};
}
