// Whether a state-changing API request comes from the app's own pages: a JSON
// body (a cross-site page cannot send one without a CORS preflight, which
// this server never grants) and an Origin whose host and port are the ones
// the request was sent to. NOTE: the scheme is not compared: behind no proxy
// adapter-node 6 takes every request for https (see cookie.ts), which is also
// why the app's actions are JSON endpoints and not Kit form actions — Kit's
// own origin check compares the scheme too and refuses every form post made
// over plain http (the local profiles and the tests). Kit still refuses
// cross-site form-encoded and text/plain posts before this runs.
export function sameOriginJson(request: Request): boolean {
	const type = request.headers.get('Content-Type') ?? '';
	if (!/^application\/json\s*(;|$)/i.test(type)) return false;
	const origin = request.headers.get('Origin');
	const host = request.headers.get('Host');
	if (origin === null || host === null) return false;
	const parsed = URL.parse(origin);
	return parsed !== null && (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.host === host.toLowerCase();
}
