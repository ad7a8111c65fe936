// Asks a homeserver which Matrix spec versions it serves
// (GET /_matrix/client/versions, no authentication): the cheapest way for a
// browser to learn that a homeserver is up and reachable from where it sits.
// Failures come back as values with a reason, never as exceptions.
import { err, ok, type Result } from '#policies/result.ts';

/** How long a slow link may take before we call a homeserver unreachable. */
export const VERSIONS_TIMEOUT_MS = 20_000;

export type FetchVersions = (clientUrl: string) => Promise<Result<readonly string[]>>;

export function versionsUrl(clientUrl: string): string {
	return `${clientUrl.replace(/\/+$/, '')}/_matrix/client/versions`;
}

export async function fetchClientVersions(clientUrl: string, fetchImpl: typeof fetch = fetch): Promise<Result<readonly string[]>> {
	let response: Response;
	try {
		response = await fetchImpl(versionsUrl(clientUrl), {
			cache: 'no-store',
			credentials: 'omit',
			referrerPolicy: 'no-referrer',
			signal: AbortSignal.timeout(VERSIONS_TIMEOUT_MS),
		});
	} catch (error) {
		return err(error instanceof Error ? error.message : String(error));
	}
	if (!response.ok) return err(`HTTP ${response.status}`);
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		return err('the answer is not JSON');
	}
	const versions = typeof body === 'object' && body !== null ? (body as { versions?: unknown }).versions : undefined;
	if (!Array.isArray(versions) || !versions.every((v) => typeof v === 'string')) return err('the answer has no "versions" list');
	return ok(versions);
}

/** The newest stable spec version in the list ("v1.12" beats "v1.9" and "r0.6.1"), if any. */
export function latestSpecVersion(versions: readonly string[]): string | undefined {
	let best: { text: string; major: number; minor: number } | undefined;
	for (const text of versions) {
		const match = /^v(\d+)\.(\d+)$/.exec(text);
		if (match === null) continue;
		const major = Number(match[1]);
		const minor = Number(match[2]);
		if (best === undefined || major > best.major || (major === best.major && minor > best.minor)) best = { text, major, minor };
	}
	return best?.text;
}
