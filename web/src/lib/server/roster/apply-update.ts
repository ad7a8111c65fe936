// Applying a roster version a network's secretariat announced
// (docs/roster-updates.md): the machine's side of judgeAnnouncement. The
// announcement (an event's decrypted content) is judged against the roster
// file this site runs; an applicable one replaces that file — the previous
// version kept beside it as `<file>.v<N>`, the new one written to a temporary
// file and renamed over, so a crash leaves one whole version or the other.
// What reads the roster then restarts from it (the homeserver for its
// allowlist, the bridge for its networks' plans): deploy/local/federation.ts
// `restartWith` locally, the operator's service manager in production.
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describeErrors, parseRoster, type RosterDocument } from '../../policies/roster/file/index.ts';
import { judgeAnnouncement, parseRosterAnnouncement, type RosterChange } from '../../policies/roster-update/index.ts';

export interface RosterUpdate {
	/** The roster file this site runs (site file's `roster`). */
	readonly rosterPath: string;
	/** The network whose announcements room the event was read from. */
	readonly network: string;
	/** The event's decrypted content. */
	readonly content: unknown;
	/** The caller's verdict on the sender: the network's secretariat, through a verified device. */
	readonly fromSecretariat: boolean;
}

export type RosterUpdateOutcome =
	| {
			readonly kind: 'applied';
			readonly version: number;
			readonly sha256: string;
			readonly roster: RosterDocument;
			readonly change: RosterChange;
			/** Where the version it replaced is kept. */
			readonly previous: string;
	  }
	| { readonly kind: 'already'; readonly version: number }
	| { readonly kind: 'refused'; readonly reason: string };

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function applyRosterUpdate(update: RosterUpdate): RosterUpdateOutcome {
	const refused = (reason: string): RosterUpdateOutcome => ({ kind: 'refused', reason });
	const announcement = parseRosterAnnouncement(update.content);
	if (!announcement.ok) return refused(announcement.error);
	let currentText: string;
	try {
		currentText = readFileSync(update.rosterPath, 'utf8');
	} catch (error) {
		return refused(`this site's roster file cannot be read (${error instanceof Error ? error.message : String(error)})`);
	}
	const current = parseRoster(currentText, update.rosterPath);
	if (!current.ok) return refused(`this site's roster file is not valid: ${describeErrors(current.error)}`);
	const { file } = announcement.value;
	const parsed = parseRoster(file, `roster version ${announcement.value.version} (announced)`);
	const verdict = judgeAnnouncement({
		announcement: announcement.value,
		network: update.network,
		fromSecretariat: update.fromSecretariat,
		computedSha256: sha256(file),
		parsed: parsed.ok ? parsed : { ok: false, error: describeErrors(parsed.error) },
		current: current.value,
	});
	if (verdict.kind !== 'applicable') return verdict;
	const previous = `${update.rosterPath}.v${current.value.version}`;
	const next = `${update.rosterPath}.v${verdict.roster.version}.writing`;
	copyFileSync(update.rosterPath, previous);
	writeFileSync(next, file);
	renameSync(next, update.rosterPath);
	return {
		kind: 'applied',
		version: verdict.roster.version,
		sha256: announcement.value.sha256,
		roster: verdict.roster,
		change: verdict.change,
		previous: basename(previous),
	};
}
