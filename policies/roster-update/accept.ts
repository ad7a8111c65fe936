// Whether an authority may apply a roster announced in its network's
// announcements room (docs/roster-updates.md). The announcement is taken only
// when all of these hold, and otherwise refused with the reason the
// administrator sees:
// - it came from the network's secretariat (the caller judges the sender —
//   the service account or staff with the secretariat's power in that room —
//   and that the event passed the one trust rule, ARCHITECTURE.md decision 11);
// - the file's SHA-256, computed by the caller, is the one announced;
// - the file parses as a roster whose `version` is the announced one;
// - that version is exactly the next (N + 1) after the roster this authority
//   runs — an older or repeated one is a replay, a jump means one was missed;
// - the new roster still declares the network that announced it.
// Pure: the caller hashes and parses (policies/roster/file/parseRoster).
import type { Result } from '../result.ts';
import type { RosterDocument } from '../roster/file/roster-document.ts';
import type { RosterAnnouncement } from './announcement.ts';
import { rosterChange, type RosterChange } from './change.ts';

export interface AnnouncementCheck {
	readonly announcement: RosterAnnouncement;
	/** The network whose announcements room it was read from. */
	readonly network: string;
	/** The caller's verdict on the sender: the network's secretariat, through a verified device. */
	readonly fromSecretariat: boolean;
	/** SHA-256 (lower-case hex) of the announced file's UTF-8 bytes, computed by the caller. */
	readonly computedSha256: string;
	/** The announced file, parsed; or the parser's reason it is not a roster. */
	readonly parsed: Result<RosterDocument, string>;
	/** The roster this authority runs. */
	readonly current: RosterDocument;
}

/** Why an announcement is refused, for a reader in any language (the reason beside it is English, for logs). */
export type RefusalCode = 'not-secretariat' | 'hash' | 'not-a-roster' | 'version-differs' | 'skips' | 'network-gone';

export type AnnouncementVerdict =
	| { readonly kind: 'applicable'; readonly roster: RosterDocument; readonly change: RosterChange }
	| { readonly kind: 'already'; readonly version: number }
	| { readonly kind: 'refused'; readonly code: RefusalCode; readonly reason: string };

export function judgeAnnouncement(check: AnnouncementCheck): AnnouncementVerdict {
	const { announcement, current } = check;
	const refused = (code: RefusalCode, reason: string): AnnouncementVerdict => ({ kind: 'refused', code, reason });
	if (!check.fromSecretariat) return refused('not-secretariat', `not sent by the ${check.network} secretariat`);
	if (check.computedSha256 !== announcement.sha256) return refused('hash', 'the file is not the one whose SHA-256 was announced');
	if (!check.parsed.ok) return refused('not-a-roster', `the file is not a valid roster: ${check.parsed.error}`);
	const roster = check.parsed.value;
	if (roster.version !== announcement.version)
		return refused('version-differs', `the file says version ${roster.version}, the announcement ${announcement.version}`);
	if (roster.version <= current.version) return { kind: 'already', version: roster.version };
	if (roster.version !== current.version + 1)
		return refused(
			'skips',
			`version ${roster.version} skips ${current.version + 1}: apply the versions in order (this authority runs ${current.version})`,
		);
	if (!roster.networks.some((n) => n.id === check.network))
		return refused('network-gone', `the new roster no longer declares ${check.network}`);
	return { kind: 'applicable', roster, change: rosterChange(current, roster) };
}
