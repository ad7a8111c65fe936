// The validator every plenary event goes through before the fold uses it:
// raw `m.room.message` content in, a typed PlenaryPayload or a reason out.
// It never throws, whatever it is given (docs/plenaries.md, "Events").
// NOTE: the payload names no sender: who sent an event is the envelope's
// `sender`, which the homeserver vouches for and the crypto checks; a
// `sender` or `by` key in the content is dropped like any unknown key.
import { err, ok, type Result } from '../../result.ts';
import { parseEventId } from '../../cases/ids/matrix.ts';
import { boolean, formatVersion, get, has, isObject, oneOf, text, via, type JsonObject, type Read } from '../../cases/events/read.ts';
import { optional, unique } from '../../directory/events/parse-entries.ts';
import type { PlenaryPayload } from '../types.ts';
import { PLENARY_EVENT_TYPES, PLENARY_KEY, PLENARY_LIMITS as L, PLENARY_VERSION } from './namespace.ts';
import { parsePlenary } from './parse-plenary.ts';
import { plenaryId, texts } from './values.ts';

const P = PLENARY_KEY;

function payload(p: JsonObject, type: PlenaryPayload['type']): Read<PlenaryPayload> {
	if (type === 'plenary') {
		const plenary = parsePlenary(get(p, 'plenary'), `${P}.plenary`);
		return plenary.ok ? ok({ type, plenary: plenary.value }) : plenary;
	}
	const plenary = plenaryId(get(p, 'plenary'), `${P}.plenary`);
	if (!plenary.ok) return plenary;
	if (type === 'attendance') {
		const attending = boolean(get(p, 'attending'), `${P}.attending`);
		if (!attending.ok) return attending;
		const note = optional(p, 'note', P, (v, path) => text(v, path, L.note));
		if (!note.ok) return note;
		return ok({ type, plenary: plenary.value, attending: attending.value, ...(note.value === undefined ? {} : { note: note.value }) });
	}
	const minutes = texts(get(p, 'text'), `${P}.text`, { max: L.minutesText, oneLine: false });
	if (!minutes.ok) return minutes;
	const decisions = unique(get(p, 'decisions'), `${P}.decisions`, L.decisions, (v, path) => via(parseEventId, v, path));
	if (!decisions.ok) return decisions;
	return ok({ type, plenary: plenary.value, text: minutes.value, decisions: decisions.value });
}

function parseContent(content: unknown): Result<PlenaryPayload, string> {
	if (!isObject(content) || !has(content, P)) return err(`the content has no "${P}" key: not a plenary event`);
	// NOTE: relation metadata is readable by every homeserver in the room
	// (ARCHITECTURE.md, decision 2); a plenary payload never carries one.
	if (has(content, 'm.relates_to')) return err('a plenary event must not carry "m.relates_to"');
	if (get(content, 'msgtype') !== 'm.text') return err('msgtype: must be "m.text"');
	const body = text(get(content, 'body'), 'body', L.body);
	if (!body.ok) return body;
	const p = get(content, P);
	if (!isObject(p)) return err(`${P}: must be an object`);
	const version = formatVersion(get(p, 'version'), `${P}.version`, PLENARY_VERSION);
	if (!version.ok) return version;
	const type = oneOf(PLENARY_EVENT_TYPES, get(p, 'type'), `${P}.type`);
	return type.ok ? payload(p, type.value) : type;
}

/** Whether raw content carries a plenary payload at all (ordinary chat in the plenary room does not). */
export function isPlenaryContent(content: unknown): boolean {
	try {
		return isObject(content) && has(content, P);
	} catch {
		return true; // NOTE: a hostile object: let the parser refuse it with a reason.
	}
}

/** Reads a plenary event from raw `m.room.message` content; the error says why it is not one. Never throws. */
export function parsePlenaryContent(content: unknown): Result<PlenaryPayload, string> {
	try {
		return parseContent(content);
	} catch {
		// NOTE: content from JSON.parse cannot throw here; a Proxy or an object
		// with throwing getters could. Nothing the fold receives may throw.
		return err('the content could not be read');
	}
}
