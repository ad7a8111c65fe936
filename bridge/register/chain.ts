// The hash chain over the event log: each row's hash is SHA-256 over a
// canonical serialization of the row's own fields and the previous row's hash.
//
// Why this design: the register must show tampering (ARCHITECTURE.md,
// decision 7). Hashing the row's fields — not the original Matrix event —
// makes every stored column that carries meaning (including the verdict and
// the position) covered, so altering any of them breaks that row's hash;
// chaining through prev_hash and a gap-free seq makes removing or inserting a
// row break the next row. SHA-256 is in node:crypto, fast, standard, and
// readable by any auditor's tool. The serialization is a JSON array in a fixed
// column order (strings escaped by JSON, so no separator ambiguity). A chain
// proves integrity against edits of the file, not against someone who
// rewrites the whole chain: that needs the head published elsewhere (the
// checkpoint keeps it to catch truncation at the end).
// How the event arrived (verification, sender identity) joined the row later
// (migration 0004): a row that carries them hashes them after the rest, a row
// logged before has them null and hashes as it always did — so old chains
// still verify, and blanking either field of a newer row breaks its hash.
import { createHash } from 'node:crypto';

export const GENESIS = '0'.repeat(64);

/** The fields of a log row that its hash covers (all but the hash itself). */
export interface ChainedRow {
	readonly seq: number;
	readonly roomId: string;
	readonly eventId: string;
	readonly sender: string;
	readonly originServerTs: number;
	readonly kind: string;
	readonly rejectionCode: string | null;
	readonly rejectionReason: string | null;
	readonly content: string;
	readonly prevHash: string;
	readonly verification: string | null;
	readonly senderIdentity: string | null;
}

export function rowHash(row: ChainedRow): string {
	const fields: unknown[] = [
		row.seq,
		row.roomId,
		row.eventId,
		row.sender,
		row.originServerTs,
		row.kind,
		row.rejectionCode,
		row.rejectionReason,
		row.content,
		row.prevHash,
	];
	if (row.verification !== null || row.senderIdentity !== null) fields.push(row.verification, row.senderIdentity);
	const serialized = JSON.stringify(fields);
	return createHash('sha256').update(serialized, 'utf8').digest('hex');
}
