// The alerts' batched mails in the register (table `digest_mails`,
// schema.ts): what bridge/alerts/digest.ts records and reads. A mail is
// recorded before it goes and marked sent once the relay accepted it, each
// call one transaction; after a crash a recorded, unsent mail is sent again
// with its Message-ID. When a person was last mailed — by a batched mail or
// by an escalation step that named them — is when their batch window began.
import type Database from 'better-sqlite3';
import type { Result } from '../../policies/result.ts';
import { registerWork } from './sqlite-errors.ts';
import type { RegisterError } from './types.ts';

export interface DigestMailRow {
	readonly recipient: string;
	readonly recordedAt: number;
	readonly newRequests: number;
	readonly messageId: string;
	/** Null until the relay accepted it. */
	readonly sentAt: number | null;
}

export interface DigestStore {
	/** Records a mail about to be sent; the row as stored (an earlier record of the same mail stays as it was). */
	record(mail: Omit<DigestMailRow, 'sentAt'>): Result<DigestMailRow, RegisterError>;
	/** Marks a recorded mail sent at `at` (once: a later call changes nothing). */
	markSent(recipient: string, recordedAt: number, at: number): Result<void, RegisterError>;
	/** The mails recorded and not sent, oldest first. */
	unsent(): Result<DigestMailRow[], RegisterError>;
	/** When the person was last mailed, batched or by an escalation step; undefined if never. */
	lastMailed(recipient: string): Result<number | undefined, RegisterError>;
}

const COLUMNS = 'recipient, recorded_at AS recordedAt, new_requests AS newRequests, message_id AS messageId, sent_at AS sentAt';

export function digestStore(file: string, sqlite: Database.Database): DigestStore {
	const insert = sqlite.prepare(`INSERT OR IGNORE INTO digest_mails (recipient, recorded_at, new_requests, message_id)
		VALUES (@recipient, @recordedAt, @newRequests, @messageId)`);
	const one = sqlite.prepare(`SELECT ${COLUMNS} FROM digest_mails WHERE recipient = ? AND recorded_at = ?`);
	const sent = sqlite.prepare('UPDATE digest_mails SET sent_at = ? WHERE recipient = ? AND recorded_at = ? AND sent_at IS NULL');
	const unsent = sqlite.prepare(`SELECT ${COLUMNS} FROM digest_mails WHERE sent_at IS NULL ORDER BY recorded_at`);
	const last = sqlite.prepare(`SELECT max(at) AS at FROM (
		SELECT max(sent_at) AS at FROM digest_mails WHERE recipient = @recipient
		UNION ALL
		SELECT max(s.sent_at) AS at FROM escalation_steps AS s, json_each(s.recipients) AS r WHERE r.value = @recipient)`);
	const attempt = registerWork(file);
	return {
		record: (mail) =>
			attempt('record a batched mail', () =>
				sqlite.transaction(() => {
					insert.run(mail);
					return one.get(mail.recipient, mail.recordedAt) as DigestMailRow;
				})(),
			),
		markSent: (recipient, recordedAt, at) =>
			attempt('mark a batched mail sent', () => {
				sent.run(at, recipient, recordedAt);
			}),
		unsent: () => attempt('read the batched mails not sent', () => unsent.all() as DigestMailRow[]),
		lastMailed: (recipient) =>
			attempt('read when a person was last mailed', () => (last.get({ recipient }) as { at: number | null }).at ?? undefined),
	};
}
