// The readers of witnessed heads (witness.ts): a witness event's content, a
// bare payload, and a witness file — a JSON array of either, as exported from
// a witness room — which `verify --witness` reads. Strict: a key the format
// does not have is refused, never dropped. Never throws.
import { get, has, isObject } from '../cases/events/read.ts';
import { err, ok, type Result } from '../result.ts';
import { parseReportContent, type ReportFormat } from './content.ts';
import { code, count, exactObject, instantText, versionAndAuthority, type ReportRead } from './read.ts';
import { refuse, type ReportRefusal } from './refusal.ts';
import { WITNESS_KEY, WITNESS_KEYS, WITNESS_LIMITS, WITNESS_VERSION, witnessBody, type WitnessHead } from './witness.ts';

const HASH = /^[0-9a-f]{64}$/;
const GENESIS = '0'.repeat(64);

/** The four values of a head, each checked; `path` names where the object sits. */
export function checkWitnessHead(value: unknown, path: string): ReportRead<WitnessHead> {
	const o = exactObject(value, path, WITNESS_KEYS);
	if (!o.ok) return o;
	const authority = versionAndAuthority(o.value, path, WITNESS_VERSION);
	if (!authority.ok) return authority;
	const seq = count(get(o.value, 'seq'), `${path}.seq`, Number.MAX_SAFE_INTEGER);
	if (!seq.ok) return seq;
	const hash = code(get(o.value, 'hash'), `${path}.hash`, HASH, 'a lower-case hex SHA-256 (64 digits)');
	if (!hash.ok) return hash;
	if (seq.value === 0 && hash.value !== GENESIS)
		return refuse('malformed', `${path}.hash: an empty register's head is the genesis hash (64 zeros)`);
	const at = instantText(get(o.value, 'at'), `${path}.at`, WITNESS_LIMITS.at);
	if (!at.ok) return at;
	return ok({ authority: authority.value, seq: seq.value, hash: hash.value, at: at.value });
}

const FORMAT: ReportFormat<WitnessHead> = {
	key: WITNESS_KEY,
	what: 'a witness event',
	payload: checkWitnessHead,
	body: witnessBody,
	bodyName: 'witnessBody',
};

/** Reads a witness event's `m.room.message` content; the refusal says why it is not one. */
export function parseWitnessContent(content: unknown): Result<WitnessHead, ReportRefusal> {
	return parseReportContent(content, FORMAT);
}

/** A file entry's problem: which entry (from 0), and why. */
export interface WitnessFileRefusal extends ReportRefusal {
	readonly entry: number | null;
}

/**
 * A witness file: a JSON array whose entries are witness event contents or
 * bare payloads (with `version`). One bad entry refuses the file — a witness
 * file is evidence, and a silently skipped head would weaken what it proves.
 */
export function parseWitnessFile(text: string): Result<WitnessHead[], WitnessFileRefusal> {
	const whole = (code: ReportRefusal['code'], reason: string) => err<WitnessFileRefusal>({ code, reason, entry: null });
	if (text.length > WITNESS_LIMITS.fileChars) return whole('too-large', `the file must be at most ${WITNESS_LIMITS.fileChars} characters`);
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (thrown) {
		return whole('malformed', `not JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}`);
	}
	if (!Array.isArray(value)) return whole('malformed', 'must be a JSON array of witness heads');
	if (value.length > WITNESS_LIMITS.heads)
		return whole('too-large', `must hold at most ${WITNESS_LIMITS.heads} heads (got ${value.length})`);
	const heads: WitnessHead[] = [];
	for (let i = 0; i < value.length; i++) {
		const entry: unknown = value[i];
		const read = isObject(entry) && has(entry, WITNESS_KEY) ? parseWitnessContent(entry) : checkWitnessHead(entry, `[${i}]`);
		if (!read.ok) return err({ ...read.error, entry: i });
		heads.push(read.value);
	}
	return ok(heads);
}
