// One card to one directory person entry (issue 12, "Cards"). FN is the name,
// UID the id (else the Matrix account), ORG's first component or
// X-ROGATORY-AUTHORITY the authority (a roster id), ROLE the roles, LANG the
// languages by PREF, TZ with X-ROGATORY-HOURS the working hours, TEL, EMAIL,
// IMPP (a matrix:u/ URI), X-ROGATORY-ROTA and X-ROGATORY-LATIN-NAME the rest.
// What address books add besides (PHOTO, ADR, NOTE, N, PRODID, REV, X-…) is
// left aside, not refused. Every problem of the card is reported, not the first.
import { resolveZone } from '../../preservation/index.ts';
import { err, ok, type Result } from '../../result.ts';
import type { AuthorityId } from '../../roster/types.ts';
import { DIRECTORY_ROLES, type DirectoryRole, type PersonEntry, type WorkingHours } from '../types.ts';
import { cardReader, hasType, valueType, type CardReader } from './card-reader.ts';
import type { RawCard } from './cards.ts';
import { languageTag, onCallPeriod, workingHours } from './fields.ts';
import { userIdOfMatrixUri } from './matrix-uri.ts';
import { components, unescapeText } from './text.ts';
import type { VcardReason } from './reasons.ts';
import type { CardRefusal, ContentLine, VcardContext } from './types.ts';

/** The form of a roster authority id (roster/file/values.ts), to tell a mistyped id from an organisation's name. */
const AUTHORITY_ID = /^[a-z]{2}-[a-z0-9-]{1,30}$/;
const exampleOf = (known: ReadonlySet<string>): string => [...known][0] ?? 'xx-authority';

export function cardToEntry(card: RawCard, context: VcardContext): Result<PersonEntry, CardRefusal[]> {
	const read = cardReader(card);
	const versions = read.all('VERSION');
	const version = versions[0];
	if (version === undefined) return err([{ card: card.card, line: card.line, reason: { kind: 'version-missing' } }]);
	if (version.value.trim() !== '4.0')
		return err([
			{
				card: card.card,
				line: version.line,
				reason: { kind: 'version-not-4', version: version.value },
			},
		]);
	read.single('VERSION');
	const name = fullName(read, card);
	const authority = authorityOf(read, card, new Set(context.authorities));
	const matrixId = matrixAccount(read);
	const id = idOf(read, card, matrixId);
	const latinName = text(read.single('X-ROGATORY-LATIN-NAME'));
	const title = text(read.byPreference(read.all('TITLE'))[0]);
	const phone = phoneOf(read);
	const email = emailOf(read);
	const hours = hoursOf(read);
	const entry: PersonEntry = {
		id,
		authority,
		name,
		...(latinName === undefined ? {} : { latinName }),
		...(title === undefined ? {} : { title }),
		roles: rolesOf(read),
		languages: languagesOf(read),
		...(hours === undefined ? {} : { hours }),
		...(phone === undefined ? {} : { phone }),
		...(email === undefined ? {} : { email }),
		...(matrixId === undefined ? {} : { matrixId }),
		rota: read.all('X-ROGATORY-ROTA').flatMap((p) => checked(read, p, onCallPeriod(unescapeText(p.value)))),
	};
	return read.refusals.length > 0 ? err([...read.refusals]) : ok(entry);
}

/** A text value, or undefined when absent or blank. */
function text(property: ContentLine | undefined): string | undefined {
	const value = property === undefined ? undefined : unescapeText(property.value);
	return value === undefined || value.trim() === '' ? undefined : value;
}

function checked<T>(read: CardReader, property: ContentLine, result: Result<T, VcardReason>): T[] {
	if (result.ok) return [result.value];
	read.refuse(property.line, result.error);
	return [];
}

function fullName(read: CardReader, card: RawCard): string {
	const fn = read.byPreference(read.all('FN'))[0];
	if (fn === undefined) read.refuse(card.line, { kind: 'name-missing' });
	else if (text(fn) === undefined) read.refuse(fn.line, { kind: 'name-empty' });
	return fn === undefined ? '' : unescapeText(fn.value);
}

function authorityOf(read: CardReader, card: RawCard, known: ReadonlySet<string>): AuthorityId {
	const named = read.single('X-ROGATORY-AUTHORITY');
	const org = read.byPreference(read.all('ORG'))[0];
	const orgId = org === undefined ? undefined : components(org.value)[0]?.trim();
	if (named !== undefined) {
		const id = unescapeText(named.value).trim();
		if (!known.has(id)) read.refuse(named.line, { kind: 'authority-unknown', property: 'X-ROGATORY-AUTHORITY', value: id });
		else if (org !== undefined && orgId !== undefined && known.has(orgId) && orgId !== id)
			read.refuse(org.line, { kind: 'authority-conflict', org: orgId, named: id });
		return id as AuthorityId;
	}
	if (org === undefined || orgId === undefined) {
		read.refuse(card.line, { kind: 'authority-missing', example: exampleOf(known) });
		return '' as AuthorityId;
	}
	if (known.has(orgId)) return orgId as AuthorityId;
	read.refuse(
		org.line,
		AUTHORITY_ID.test(orgId)
			? { kind: 'authority-unknown', property: 'ORG', value: orgId }
			: { kind: 'org-not-authority-id', value: orgId, example: exampleOf(known) },
	);
	return orgId as AuthorityId;
}

function matrixAccount(read: CardReader): string | undefined {
	const matrix = read.all('IMPP').filter((p) => /^matrix:/i.test(p.value));
	const valid = matrix.filter((p) => checked(read, p, userIdOfMatrixUri(p.value)).length > 0);
	const chosen = read.byPreference(valid)[0];
	if (chosen === undefined) return undefined;
	const id = userIdOfMatrixUri(chosen.value);
	return id.ok ? id.value : undefined;
}

function idOf(read: CardReader, card: RawCard, matrixId: string | undefined): string {
	const uid = read.single('UID');
	if (uid === undefined) {
		if (matrixId === undefined) read.refuse(card.line, { kind: 'id-missing' });
		return matrixId ?? '';
	}
	// NOTE: UID is a URI unless VALUE=text (RFC 6350 §6.7.6); a URI has no backslash escapes.
	const id = valueType(uid) === 'text' ? unescapeText(uid.value) : uid.value;
	if (id.trim() === '') read.refuse(uid.line, { kind: 'id-empty' });
	return id;
}

function rolesOf(read: CardReader): DirectoryRole[] {
	const roles: DirectoryRole[] = [];
	for (const property of read.all('ROLE')) {
		for (const piece of unescapeText(property.value).split(',')) {
			const role = piece.trim().toLowerCase();
			if (role === '') continue;
			if (!(DIRECTORY_ROLES as readonly string[]).includes(role)) read.refuse(property.line, { kind: 'role', value: piece.trim() });
			else if (!roles.includes(role as DirectoryRole)) roles.push(role as DirectoryRole);
		}
	}
	return roles;
}

function languagesOf(read: CardReader): string[] {
	const tags = read.byPreference(read.all('LANG')).flatMap((p) => checked(read, p, languageTag(unescapeText(p.value).trim())));
	return [...new Set(tags)];
}

function hoursOf(read: CardReader): WorkingHours | undefined {
	const declared = read.single('X-ROGATORY-HOURS');
	const tz = read.byPreference(read.all('TZ'))[0];
	// NOTE: an address book's own TZ (a UTC offset, or a URI) is left aside unless hours need it.
	const offsetOnly = tz !== undefined && ((valueType(tz) ?? 'text') !== 'text' || /^[+-]\d{2}(:?\d{2})?$/.test(tz.value));
	if (declared === undefined && (tz === undefined || offsetOnly)) return undefined;
	let zone: string | undefined;
	if (tz !== undefined && offsetOnly) read.refuse(tz.line, { kind: 'tz-offset', value: tz.value });
	else if (tz !== undefined) [zone] = checked(read, tz, zoneOf(unescapeText(tz.value).trim()));
	if (declared === undefined) return undefined;
	if (tz === undefined) read.refuse(declared.line, { kind: 'hours-need-tz' });
	const [hours] = checked(read, declared, workingHours(unescapeText(declared.value)));
	return hours === undefined || zone === undefined ? undefined : { timeZone: zone, ...hours };
}

function zoneOf(value: string): Result<string, VcardReason> {
	const zone = resolveZone(value);
	return zone.ok ? zone : err({ kind: 'tz-unknown', detail: zone.error });
}

function phoneOf(read: CardReader): string | undefined {
	const phones = read.all('TEL').filter((p) => !hasType(p, 'fax'));
	const tel = read.byPreference(phones)[0];
	if (tel === undefined) return undefined;
	if (valueType(tel) !== 'uri' && !/^tel:/i.test(tel.value)) return text(tel);
	const number = tel.value.replace(/^tel:/i, '');
	try {
		return decodeURIComponent(number);
	} catch {
		return number;
	}
}

function emailOf(read: CardReader): string | undefined {
	const emails = read.byPreference(read.all('EMAIL'));
	for (const other of emails.slice(1)) checkEmail(read, other);
	const first = emails[0];
	return first === undefined ? undefined : checkEmail(read, first);
}

function checkEmail(read: CardReader, property: ContentLine): string | undefined {
	const address = text(property)?.replace(/^mailto:/i, '');
	if (address === undefined) return undefined;
	if (!/^[^\s@]+@[^\s@]+$/.test(address)) read.refuse(property.line, { kind: 'email', value: address });
	return address;
}
