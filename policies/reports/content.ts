// The envelope both reports travel in, read once: an `m.room.message`
// `m.notice` whose only keys are msgtype, body, an empty m.mentions and the
// payload's key; no `m.relates_to` (every homeserver in the room reads it);
// and a body that is exactly the line the payload makes — the body is the
// event's one free text, so it can carry nothing the payload does not.
// Never throws.
import { get, has, isObject } from '../cases/events/read.ts';
import type { Result } from '../result.ts';
import type { ReportRead } from './read.ts';
import { refuse, type ReportRefusal } from './refusal.ts';

export interface ReportFormat<T> {
	/** The content key that holds the payload. */
	readonly key: string;
	/** "a witness event", "a statistics event": how refusals name it. */
	readonly what: string;
	readonly payload: (value: unknown, path: string) => ReportRead<T>;
	/** The line the builder writes for the payload. */
	readonly body: (payload: T) => string;
	/** The body function's name, for the refusal. */
	readonly bodyName: string;
}

function read<T>(content: unknown, format: ReportFormat<T>): ReportRead<T> {
	const { key, what } = format;
	if (!isObject(content) || !has(content, key)) return refuse('not-a-report', `the content has no "${key}" key`);
	if (has(content, 'm.relates_to')) return refuse('relation-not-allowed', `${what} must not carry "m.relates_to"`);
	const extra = Object.keys(content).find((k) => !['msgtype', 'body', 'm.mentions', key].includes(k));
	if (extra !== undefined) return refuse('unknown-key', `${extra.slice(0, 60)}: ${what} carries no such key`);
	if (get(content, 'msgtype') !== 'm.notice') return refuse('malformed', 'msgtype: must be "m.notice"');
	const mentions = get(content, 'm.mentions');
	if (mentions !== undefined && !(isObject(mentions) && Object.keys(mentions).length === 0))
		return refuse('malformed', `m.mentions: ${what} mentions no one`);
	const payload = format.payload(get(content, key), key);
	if (!payload.ok) return payload;
	if (get(content, 'body') !== format.body(payload.value))
		return refuse('malformed', `body: must be the line the builder writes for this payload (${format.bodyName})`);
	return payload;
}

/** Reads a report event's content with `format`; the refusal says why it is not one. */
export function parseReportContent<T>(content: unknown, format: ReportFormat<T>): Result<T, ReportRefusal> {
	try {
		return read(content, format);
	} catch {
		// NOTE: JSON cannot throw here; a Proxy or a throwing getter could.
		return refuse('malformed', 'the content could not be read');
	}
}
