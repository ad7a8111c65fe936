// Applying a roster version a network's secretariat announced
// (docs/roster-updates.md): the machine's side of judgeAnnouncement. The
// announcement (an event's decrypted content) is judged against the roster
// file this site runs; an applicable one replaces that file — the previous
// version kept beside it as `<file>.v<N>`, the new one written to a temporary
// file and renamed over, so a crash leaves one whole version or the other.
// What reads the roster then restarts from it (the homeserver for its
// allowlist, the bridge for its networks' plans, this web server):
// scripts/roster-reload.ts under `npm start`, the operator's service manager
// in production. The web server's side (routes/api/admin/roster).
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describeErrors, parseRoster, type RosterDocument } from '#policies/roster/file/index.ts';
import { judgeAnnouncement, parseRosterAnnouncement, type RefusalCode, type RosterChange } from '#policies/roster-update/index.ts';

/** Why applying is refused: the announcement's verdict, or the event or this site's own file. */
export type UpdateRefusal = RefusalCode | 'no-announcement' | 'site-roster';

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

/** What is not applied: a replay of a version already run, or a refusal with its code. */
export type NotApplied =
	| { readonly kind: 'already'; readonly version: number }
	| { readonly kind: 'refused'; readonly code: UpdateRefusal; readonly reason: string };

/** What an applicable announcement carries, and the version it replaces. */
interface Applicable {
	readonly sha256: string;
	readonly roster: RosterDocument;
	readonly change: RosterChange;
}

export type RosterUpdateOutcome =
	| (Applicable & {
			readonly kind: 'applied';
			readonly version: number;
			/** Where the version it replaced is kept. */
			readonly previous: string;
	  })
	| NotApplied;

export type Examined =
	| (Applicable & {
			readonly kind: 'applicable';
			readonly file: string;
			/** The version the site runs now. */
			readonly current: number;
	  })
	| NotApplied;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What applying would do, without writing: the verdict on the announcement against the site's roster file. */
export function examineRosterUpdate(update: RosterUpdate): Examined {
	const refused = (code: UpdateRefusal, reason: string): Examined => ({ kind: 'refused', code, reason });
	const announcement = parseRosterAnnouncement(update.content);
	if (!announcement.ok) return refused('no-announcement', announcement.error);
	let currentText: string;
	try {
		currentText = readFileSync(update.rosterPath, 'utf8');
	} catch (error) {
		return refused('site-roster', `this site's roster file cannot be read (${error instanceof Error ? error.message : String(error)})`);
	}
	const current = parseRoster(currentText, update.rosterPath);
	if (!current.ok) return refused('site-roster', `this site's roster file is not valid: ${describeErrors(current.error)}`);
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
	return {
		kind: 'applicable',
		file,
		sha256: announcement.value.sha256,
		roster: verdict.roster,
		change: verdict.change,
		current: current.value.version,
	};
}

export function applyRosterUpdate(update: RosterUpdate): RosterUpdateOutcome {
	const examined = examineRosterUpdate(update);
	if (examined.kind !== 'applicable') return examined;
	const previous = `${update.rosterPath}.v${examined.current}`;
	const next = `${update.rosterPath}.v${examined.roster.version}.writing`;
	copyFileSync(update.rosterPath, previous);
	writeFileSync(next, examined.file);
	renameSync(next, update.rosterPath);
	return {
		kind: 'applied',
		version: examined.roster.version,
		sha256: examined.sha256,
		roster: examined.roster,
		change: examined.change,
		previous: basename(previous),
	};
}
