// A new roster version, published by a network's secretariat into its
// announcements room (issue 13, "Admission and removal reach every server";
// docs/roster-updates.md): an encrypted `m.room.message` carrying the whole
// roster file as text and its SHA-256, under `org.rogatory.roster`, with a
// readable body for stock clients. The file travels inline: a Matrix event is
// capped at 65,536 bytes, the demo roster of three networks is 13 KB, and the
// cap here (48 KiB) leaves room for the rest of the event. Builder and a
// capped parser that refuses with a reason and never throws. Pure: the
// caller hashes (policies/ hashes nothing).
import { NAMESPACE } from '../cases/vocabulary/namespace.ts';
import { err, ok, type Result } from '../result.ts';

export const ROSTER_UPDATE_KEY = `${NAMESPACE}.roster` as const;
export const ROSTER_UPDATE_VERSION = 1 as const;
/** The roster file's largest size, in UTF-16 code units of its text (at most 3 bytes each in the event's JSON is not a concern: YAML rosters are ASCII-heavy, and the homeserver refuses an event over 65,536 bytes anyway). */
export const ROSTER_FILE_MAX = 48 * 1024;

export interface RosterAnnouncement {
	/** The roster's own `version`, as the secretariat announces it. */
	readonly version: number;
	/** Lower-case hex SHA-256 of the file's UTF-8 bytes. */
	readonly sha256: string;
	/** The roster file, as text. */
	readonly file: string;
}

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const SHA256 = /^[0-9a-f]{64}$/;

/** The announcement in an event's content, or why it is not one. Unknown keys are dropped. */
export function parseRosterAnnouncement(content: unknown): Result<RosterAnnouncement, string> {
	const payload = isRecord(content) ? content[ROSTER_UPDATE_KEY] : undefined;
	if (!isRecord(payload)) return err('no roster announcement in the event');
	if (payload['version'] !== ROSTER_UPDATE_VERSION)
		return err(`announcement format ${String(payload['version'])} is not ${ROSTER_UPDATE_VERSION}`);
	const roster = payload['roster'];
	if (!isRecord(roster)) return err('the announcement has no roster');
	const { version, sha256, file } = roster;
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1)
		return err('the roster version must be a whole number from 1');
	if (typeof sha256 !== 'string' || !SHA256.test(sha256)) return err('the roster hash must be 64 lower-case hexadecimal digits');
	if (typeof file !== 'string' || file.length === 0) return err('the roster file is missing');
	if (file.length > ROSTER_FILE_MAX) return err(`the roster file is longer than ${ROSTER_FILE_MAX} characters`);
	return ok({ version, sha256, file });
}

/** The `m.room.message` content that announces `announcement`. */
export function rosterAnnouncementContent(announcement: RosterAnnouncement): Result<Record<string, unknown>, string> {
	const payload = { version: ROSTER_UPDATE_VERSION, roster: { ...announcement } };
	const checked = parseRosterAnnouncement({ [ROSTER_UPDATE_KEY]: payload });
	if (!checked.ok) return checked;
	return ok({
		msgtype: 'm.text',
		body: `Roster version ${announcement.version} is published (SHA-256 ${announcement.sha256}). Each authority's administrator applies it in Rogatory.`,
		'm.mentions': {},
		[ROSTER_UPDATE_KEY]: { version: ROSTER_UPDATE_VERSION, roster: checked.value },
	});
}
