// The validator every directory event goes through before the fold uses it:
// raw `m.room.message` content in, a typed DirectoryPayload or a reason out.
// It never throws, whatever it is given (docs/directory.md, "Events").
import { err, ok, type Result } from '../../result.ts';
import { parseAuthorityId } from '../../cases/ids/codes.ts';
import { parseUserId } from '../../cases/ids/matrix.ts';
import { formatVersion, get, has, isObject, list, object, oneOf, text, via, type JsonObject, type Read } from '../../cases/events/read.ts';
import type { DirectoryPayload, Stamp } from '../types.ts';
import { DIRECTORY_EVENT_TYPES, DIRECTORY_KEY, DIRECTORY_LIMITS, DIRECTORY_VERSION } from './namespace.ts';
import { parseAuthorityEntry, parsePersonEntry } from './parse-entries.ts';
import { rosterStatement } from './roster-statement.ts';
import { email, instant, phone } from './values.ts';

const P = DIRECTORY_KEY;

function stamp(value: unknown, path: string): Read<Stamp> {
	const o = object(value, path);
	if (!o.ok) return o;
	const at = instant(get(o.value, 'at'), `${path}.at`);
	if (!at.ok) return at;
	const by = via(parseUserId, get(o.value, 'by'), `${path}.by`);
	return by.ok ? ok({ at: at.value, by: by.value }) : by;
}

function payload(p: JsonObject, type: DirectoryPayload['type']): Read<DirectoryPayload> {
	const updated = stamp(get(p, 'updated'), `${P}.updated`);
	if (!updated.ok) return updated;
	if (type === 'authority') {
		const entry = parseAuthorityEntry(get(p, 'entry'), `${P}.entry`);
		return entry.ok ? ok({ type, entry: entry.value, updated: updated.value }) : entry;
	}
	if (type === 'person') {
		const entry = parsePersonEntry(get(p, 'entry'), `${P}.entry`);
		return entry.ok ? ok({ type, entry: entry.value, updated: updated.value }) : entry;
	}
	const authority = via(parseAuthorityId, get(p, 'authority'), `${P}.authority`);
	if (!authority.ok) return authority;
	if (type === 'removed') {
		const person = text(get(p, 'person'), `${P}.person`, DIRECTORY_LIMITS.personId);
		if (!person.ok) return person;
		const why = oneOf(['departed', 'removed'] as const, get(p, 'why'), `${P}.why`);
		if (!why.ok) return why;
		return ok({ type, authority: authority.value, person: person.value, why: why.value, updated: updated.value });
	}
	if (type === 'contact') {
		const person = text(get(p, 'person'), `${P}.person`, DIRECTORY_LIMITS.personId);
		if (!person.ok) return person;
		const tel = has(p, 'phone') ? phone(get(p, 'phone'), `${P}.phone`) : ok(undefined);
		if (!tel.ok) return tel;
		const mail = has(p, 'email') ? email(get(p, 'email'), `${P}.email`) : ok(undefined);
		if (!mail.ok) return mail;
		return ok({
			type,
			authority: authority.value,
			person: person.value,
			...(tel.value === undefined ? {} : { phone: tel.value }),
			...(mail.value === undefined ? {} : { email: mail.value }),
			updated: updated.value,
		});
	}
	const editors = list(get(p, 'editors'), `${P}.editors`, DIRECTORY_LIMITS.editors, (v, path) => via(parseUserId, v, path));
	if (!editors.ok) return editors;
	if (new Set(editors.value).size !== editors.value.length) return err(`${P}.editors: names the same person twice`);
	// NOTE: an unreadable `roster` is dropped, not the event: the editors list is
	// what the trust in every entry of the authority rests on, and a statement
	// beside it must not cost the authority its editors (readers then show the
	// roster as not stated).
	const roster = has(p, 'roster') ? rosterStatement(get(p, 'roster'), `${P}.roster`) : undefined;
	return ok({
		type,
		authority: authority.value,
		editors: editors.value,
		...(roster?.ok === true ? { roster: roster.value } : {}),
		updated: updated.value,
	});
}

function parseContent(content: unknown): Result<DirectoryPayload, string> {
	if (!isObject(content) || !has(content, P)) return err(`the content has no "${P}" key: not a directory event`);
	// NOTE: relation metadata is readable by every homeserver in the room
	// (ARCHITECTURE.md, decision 2); a directory event never carries one.
	if (has(content, 'm.relates_to')) return err('a directory event must not carry "m.relates_to"');
	if (get(content, 'msgtype') !== 'm.notice') return err('msgtype: must be "m.notice"');
	const body = text(get(content, 'body'), 'body', DIRECTORY_LIMITS.body);
	if (!body.ok) return body;
	const p = get(content, P);
	if (!isObject(p)) return err(`${P}: must be an object`);
	const version = formatVersion(get(p, 'version'), `${P}.version`, DIRECTORY_VERSION);
	if (!version.ok) return version;
	const type = oneOf(DIRECTORY_EVENT_TYPES, get(p, 'type'), `${P}.type`);
	return type.ok ? payload(p, type.value) : type;
}

/** Reads a directory event from raw `m.room.message` content; the error says why it is not one. Never throws. */
export function parseDirectoryContent(content: unknown): Result<DirectoryPayload, string> {
	try {
		return parseContent(content);
	} catch {
		// NOTE: content from JSON.parse cannot throw here; a Proxy or an object
		// with throwing getters could. Nothing the fold receives may throw.
		return err('the content could not be read');
	}
}
