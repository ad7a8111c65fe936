// An authority administrator applies a roster version its network's
// secretariat announced (docs/roster-updates.md): POST { network, content,
// fromSecretariat, apply } → what it changes, or that it was applied.
// `content` is the announcement event's content as the administrator's
// browser decrypted it, `fromSecretariat` that browser's verdict on its
// sender (the secretariat's service account or staff, under the trust rule):
// this server never sees the room. Here the rest is checked — the file's
// hash, that it is a roster, exactly the next version — against the roster
// file this server runs (lib/server/roster/apply-update.ts). Without `apply`
// nothing is written (what the page shows before the administrator
// confirms). Applied, the file is replaced and the old one kept beside it;
// what reads it restarts from it (locally `npm start` does, scripts/roster-reload.ts;
// in production the operator's service manager). Refused (403) to anyone
// but an administrator, for a network their authority is not in.
import { applyRosterUpdate, examineRosterUpdate } from '#lib/server/roster/apply-update.ts';
import { adminAnswer as answer, adminRequest } from '#lib/server/sessions/admin-request.ts';
import { rosterFilePath, webDeployment } from '#lib/server/roster/loaded.ts';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, request }) => {
	const asked = await adminRequest(locals, request);
	if (!asked.ok) return asked.answer;
	const { access, body } = asked.value;
	const { network, content, fromSecretariat, apply } = body;
	if (typeof network !== 'string' || typeof content !== 'object' || content === null || typeof apply !== 'boolean')
		return answer(400, { problem: 'malformed' });
	const authority = webDeployment().deployment.runtime.authorities.find((a) => a.id === access.authority.id);
	if (authority === undefined || !authority.memberships.some((m) => m.network === network))
		return answer(403, { problem: 'not-of-network' });
	const update = { rosterPath: rosterFilePath(), network, content, fromSecretariat: fromSecretariat === true };
	if (!apply) {
		const examined = examineRosterUpdate(update);
		if (examined.kind === 'refused') console.warn(`rogatory web: roster update refused: ${examined.reason}`);
		return examined.kind === 'applicable'
			? answer(200, { kind: 'applicable', version: examined.roster.version, current: examined.current, change: examined.change })
			: answer(200, examined.kind === 'already' ? examined : { kind: 'refused', code: examined.code });
	}
	const outcome = applyRosterUpdate(update);
	if (outcome.kind === 'refused') {
		console.warn(`rogatory web: roster update refused: ${outcome.reason}`);
		return answer(200, { kind: 'refused', code: outcome.code });
	}
	if (outcome.kind === 'already') return answer(200, outcome);
	console.log(
		`rogatory web: ${access.administrator} applied roster version ${outcome.version} (${outcome.sha256}); the previous is kept as ${outcome.previous}`,
	);
	return answer(200, { kind: 'applied', version: outcome.version, change: outcome.change });
};
