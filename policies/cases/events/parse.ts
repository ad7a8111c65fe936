// The validator every case event goes through before the fold or the UI uses
// it: raw event content in, a typed CaseEvent or a Rejection out. It never
// throws, whatever it is given (docs/case-events.md, "Validation").
import { err, ok, type Result } from '../../result.ts';
import { CASE_EVENT_TYPES, CASE_KEY, CASE_VERSION, type CaseEventType } from '../vocabulary/namespace.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import { parseAcknowledged, parseAmended, parseLink, parseNote, parseOpened, parseSettled, parseTransition } from './parse-payloads.ts';
import { get, has, isObject, text, type JsonObject, type Read } from './read.ts';
import { rejection, type Rejection } from './rejection.ts';
import type { CaseEvent } from './types.ts';

const PAYLOADS: { readonly [T in CaseEventType]: (payload: JsonObject, path: string) => Read<Extract<CaseEvent, { type: T }>> } = {
	opened: parseOpened,
	amended: parseAmended,
	transition: parseTransition,
	settled: parseSettled,
	note: parseNote,
	link: parseLink,
	acknowledged: parseAcknowledged,
};

function parseContent(raw: unknown): Result<CaseEvent, Rejection> {
	if (!isObject(raw) || !has(raw, CASE_KEY)) return err(rejection('not-a-case-event', `the content has no "${CASE_KEY}" key`));
	// NOTE: ARCHITECTURE.md decision 2 — relation metadata is readable by every
	// homeserver in the room, so a case event must never carry one.
	if (has(raw, 'm.relates_to')) return err(rejection('relation-not-allowed', 'a case event must not carry "m.relates_to"'));
	const msgtype = get(raw, 'msgtype');
	if (msgtype !== 'm.text' && msgtype !== 'm.notice') return err(rejection('malformed', 'msgtype: must be "m.text" or "m.notice"'));
	const body = text(get(raw, 'body'), 'body', LIMITS.body);
	if (!body.ok) return err(rejection('malformed', body.error));

	const payload = get(raw, CASE_KEY);
	if (!isObject(payload)) return err(rejection('malformed', `${CASE_KEY}: must be an object`));
	const v = get(payload, 'v');
	if (typeof v !== 'number') return err(rejection('malformed', `${CASE_KEY}.v: must be the number ${CASE_VERSION}`));
	if (v !== CASE_VERSION)
		return err(
			rejection(
				'unsupported-version',
				`${CASE_KEY}.v: version ${String(v).slice(0, 20)} is not supported (this client reads ${CASE_VERSION}); update Rogatory`,
			),
		);
	const type = get(payload, 'type');
	if (typeof type !== 'string' || !(CASE_EVENT_TYPES as readonly string[]).includes(type)) {
		const shown = typeof type === 'string' ? `"${type.slice(0, 60)}"` : typeof type;
		return err(rejection('unknown-type', `${CASE_KEY}.type: ${shown} is not one of ${CASE_EVENT_TYPES.join(', ')}`));
	}
	const parsed = PAYLOADS[type as CaseEventType](payload, CASE_KEY);
	return parsed.ok ? ok(parsed.value) : err(rejection('malformed', parsed.error));
}

/** Reads a case event from raw `m.room.message` content; a Rejection says why it is not one. */
export function parseCaseEvent(raw: unknown): Result<CaseEvent, Rejection> {
	try {
		return parseContent(raw);
	} catch {
		// NOTE: content from JSON.parse cannot throw here; a Proxy or an object
		// with throwing getters could. Nothing the fold receives may throw.
		return err(rejection('malformed', 'the content could not be read'));
	}
}
