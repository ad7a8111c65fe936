// What the register refused, for the officers who answer for it (the web
// register's "Refused" page and its export): every logged event rejected for
// how it arrived (policies/trust: sent in the clear, from an unverified
// device, under a changed identity…) or for its content (malformed…), every
// event the fold refuses now (not-a-party, stale-from…), and every event the
// bridge could not decrypt — each with its room, sender, time, code and
// reason; and the counterparts whose identity changed, with whether an
// administrator approved the new one. Newest first. Pure reads.
import { desc } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readDecryptionFailure, TRUST_CODES } from '../../policies/trust/index.ts';
import * as schema from './schema.ts';

/** Where the refusal comes from. */
export type RefusalSource =
	/** How the event arrived (policies/trust). */
	| 'arrival'
	/** Its content (the parser): logged as rejected. */
	| 'content'
	/** The case's rules, given the other events (the fold): may change as events arrive. */
	| 'rule'
	/** The bridge could not decrypt it (its code is the crypto's DecryptionFailureCode). */
	| 'undecryptable';

export interface RefusalRow {
	readonly source: RefusalSource;
	readonly roomId: string;
	readonly eventId: string;
	readonly sender: string;
	/** origin_server_ts. */
	readonly at: number;
	/** The trust or rejection code; for undecryptable events, the trust reading of the crypto's code (unsigned-device, withheld, missing-key…). */
	readonly code: string;
	readonly reason: string;
	/** How it arrived, when the register knows (verified, cross-signed, or the trust code). */
	readonly verification: string | null;
}

export interface IdentityChangeRow {
	readonly userId: string;
	readonly identity: string;
	readonly roomId: string;
	readonly firstEventId: string;
	readonly firstSeenAt: number;
	readonly approvedBy: string | null;
	readonly approvedAt: number | null;
}

const TRUST: ReadonlySet<string> = new Set(TRUST_CODES);

export function readRefusals(db: BetterSQLite3Database<typeof schema>): RefusalRow[] {
	const logged: RefusalRow[] = db
		.select()
		.from(schema.eventLog)
		.all()
		.filter((r) => r.kind === 'rejected')
		.map((r) => ({
			source: TRUST.has(r.rejectionCode ?? '') ? 'arrival' : 'content',
			roomId: r.roomId,
			eventId: r.eventId,
			sender: r.sender,
			at: r.originServerTs,
			code: r.rejectionCode ?? 'rejected',
			reason: r.rejectionReason ?? '',
			verification: r.verification,
		}));
	const loggedIds = new Set(logged.map((r) => r.eventId));
	const folded: RefusalRow[] = db
		.select()
		.from(schema.rejections)
		.all()
		// An event the log already refused is the fold's refusal too: shown once, with the log's reason.
		.filter((r) => !loggedIds.has(r.eventId))
		.map((r) => ({
			source: 'rule',
			roomId: r.roomId,
			eventId: r.eventId,
			sender: r.sender,
			at: r.at,
			code: r.code,
			reason: r.reason,
			verification: null,
		}));
	const undecrypted: RefusalRow[] = db
		.select()
		.from(schema.undecryptable)
		.all()
		.map((r) => {
			const reading = readDecryptionFailure(r.reason);
			return {
				source: 'undecryptable',
				roomId: r.roomId,
				eventId: r.eventId,
				sender: r.sender,
				at: r.originServerTs,
				code: reading.kind === 'refused' ? reading.code : reading.kind,
				reason: r.reason,
				verification: reading.kind === 'refused' ? reading.code : null,
			};
		});
	return [...logged, ...folded, ...undecrypted].sort((a, b) => b.at - a.at || a.eventId.localeCompare(b.eventId));
}

export function readIdentityChanges(db: BetterSQLite3Database<typeof schema>): IdentityChangeRow[] {
	return db
		.select()
		.from(schema.identityChanges)
		.orderBy(desc(schema.identityChanges.firstSeenAt))
		.all()
		.map(({ userId, identity, roomId, firstEventId, firstSeenAt, approvedBy, approvedAt }) => ({
			userId,
			identity,
			roomId,
			firstEventId,
			firstSeenAt,
			approvedBy,
			approvedAt,
		}));
}
