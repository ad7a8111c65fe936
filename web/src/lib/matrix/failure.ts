// What went wrong when a matrix-js-sdk call threw, as a value the view models
// can turn into a translated message. Duck-typed on the SDK's error shapes
// (MatrixError: httpStatus + errcode; ConnectionError by name), so this file
// needs no SDK and its tests run without one.

export type Failure =
	/** No answer from the homeserver (down, offline, CORS, timeout). */
	| { readonly kind: 'unreachable' }
	/** The access token is no longer valid: the session was ended elsewhere. */
	| { readonly kind: 'signed-out-elsewhere' }
	| { readonly kind: 'rate-limited' }
	/** The homeserver refused, for a reason shown to an administrator as is. */
	| { readonly kind: 'refused'; readonly status: number | undefined; readonly errcode: string | undefined; readonly detail: string }
	/** Anything else: a bug or a browser limit; the detail goes to the page for a support request. */
	| { readonly kind: 'unexpected'; readonly detail: string };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function describeFailure(error: unknown): Failure {
	if (!isRecord(error)) return { kind: 'unexpected', detail: String(error) };
	const name = typeof error['name'] === 'string' ? error['name'] : '';
	const message = typeof error['message'] === 'string' ? error['message'] : name;
	if (name === 'ConnectionError' || name === 'TimeoutError' || name === 'AbortError') return { kind: 'unreachable' };
	// fetch itself: "Failed to fetch" (Chromium), "NetworkError when attempting to fetch resource." (Firefox), "Load failed" (Safari).
	if (name === 'TypeError' && /fetch|network|load failed/i.test(message)) return { kind: 'unreachable' };
	const status = typeof error['httpStatus'] === 'number' ? error['httpStatus'] : undefined;
	const errcode = typeof error['errcode'] === 'string' ? error['errcode'] : undefined;
	if (errcode === 'M_UNKNOWN_TOKEN' || errcode === 'M_MISSING_TOKEN') return { kind: 'signed-out-elsewhere' };
	if (errcode === 'M_LIMIT_EXCEEDED' || status === 429) return { kind: 'rate-limited' };
	if (status !== undefined || errcode !== undefined) return { kind: 'refused', status, errcode, detail: message };
	return { kind: 'unexpected', detail: message };
}
