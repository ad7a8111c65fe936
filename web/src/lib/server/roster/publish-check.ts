// The server's check of a roster file a network's secretariat is about to
// publish (routes/api/networks/[network]/roster-check): parsed with the
// roster parser (which stays out of the browser's bundle) and judged as every
// member authority will judge the announcement (policies/roster-update,
// judgeAnnouncement): exactly the version after the one this app runs, still
// declaring the network; then what it changes. The file is never stored.
// Pure: the caller hashes.
import type { RosterCheck } from '#lib/networks/roster-publish.ts';
import { parseRoster } from '#policies/roster/file/parse-roster.ts';
import type { RosterDocument } from '#policies/roster/file/roster-document.ts';
import { judgeAnnouncement, ROSTER_FILE_MAX } from '#policies/roster-update/index.ts';

export function checkRosterFile(
	current: RosterDocument,
	network: string,
	file: string,
	sha256: (text: string) => string,
): { check: RosterCheck; reason?: string } {
	if (file.length > ROSTER_FILE_MAX) return { check: { kind: 'too-large', max: ROSTER_FILE_MAX } };
	const parsed = parseRoster(file, 'roster');
	if (!parsed.ok) {
		const line = parsed.error.find((e) => e.line !== undefined)?.line;
		return { check: { kind: 'unreadable', problems: parsed.error.length, line } };
	}
	const roster = parsed.value;
	if (roster.version !== current.version + 1) return { check: { kind: 'not-next', running: current.version, uploaded: roster.version } };
	if (!roster.networks.some((n) => n.id === network)) return { check: { kind: 'network-dropped' } };
	const hash = sha256(file);
	const verdict = judgeAnnouncement({
		announcement: { version: roster.version, sha256: hash, file },
		network,
		fromSecretariat: true,
		computedSha256: hash,
		parsed: { ok: true, value: roster },
		current,
	});
	if (verdict.kind !== 'applicable') return { check: { kind: 'refused' }, reason: verdict.kind === 'refused' ? verdict.reason : 'already' };
	return { check: { kind: 'next', version: roster.version, change: verdict.change } };
}
