// A network's secretariat checks a roster file before publishing it (issue
// 13, "Admission and removal reach every server"): POST { file: <text> } →
// what lib/server/roster/publish-check.ts says of it against the roster this
// app runs (a RosterCheck: the change, or why members would refuse it). The
// parser stays on the server, out of the browser's bundle; the file is read
// from the body, checked and forgotten — never written anywhere, never
// logged. Refused to anyone but the network's secretariat staff (their
// roster person), and to any request not sent as JSON by the app's own pages.
import { createHash } from 'node:crypto';
import { json } from '@sveltejs/kit';
import { checkRosterFile } from '#lib/server/roster/publish-check.ts';
import { webDeployment } from '#lib/server/roster/loaded.ts';
import { sameOriginJson } from '#lib/server/sessions/same-origin.ts';
import { ROSTER_FILE_MAX } from '#policies/roster-update/index.ts';
import type { RequestHandler } from './$types';

const answer = (status: number, body: Record<string, unknown>): Response =>
	json(body, { status, headers: { 'Cache-Control': 'no-store' } });

export const POST: RequestHandler = async ({ locals, request, params }) => {
	if (!sameOriginJson(request)) return answer(403, { problem: 'cross-site' });
	if (locals.user === undefined) return answer(401, { problem: 'no-session' });
	const network = webDeployment().deployment.roster.document.networks.find((n) => n.id.toLowerCase() === params.network.toLowerCase());
	if (network === undefined) return answer(404, { problem: 'no-network' });
	if (locals.user.person?.secretariatOf?.toLowerCase() !== network.id.toLowerCase()) return answer(403, { problem: 'not-staff' });
	// NOTE: a JSON body's characters may be up to 6 bytes each as escapes; a body past this is no roster the announcement carries.
	if (Number(request.headers.get('Content-Length') ?? '0') > ROSTER_FILE_MAX * 6 + 64)
		return answer(413, { kind: 'too-large', max: ROSTER_FILE_MAX });
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return answer(400, { problem: 'malformed' });
	}
	const file = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['file'] : undefined;
	if (typeof file !== 'string') return answer(400, { problem: 'malformed' });
	const { check, reason } = checkRosterFile(webDeployment().deployment.roster.document, network.id, file, (text) =>
		createHash('sha256').update(text, 'utf8').digest('hex'),
	);
	if (reason !== undefined) console.warn(`rogatory web: a roster file checked for ${network.id} would be refused: ${reason}`);
	return answer(200, check);
};
