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
import type { CardRefusal, ContentLine, VcardContext } from './types.ts';

/** The form of a roster authority id (roster/file/values.ts), to tell a mistyped id from an organisation's name. */
const AUTHORITY_ID = /^[a-z]{2}-[a-z0-9-]{1,30}$/;
const exampleOf = (known: ReadonlySet<string>): string => [...known][0] ?? 'xx-authority';

export function cardToEntry(card: RawCard, context: VcardContext): Result<PersonEntry, CardRefusal[]> {
	const read = cardReader(card);
	const versions = read.all('VERSION');
	const version = versions[0];
	if (version === undefined) return err([{ card: card.card, line: card.line, reason: 'VERSION:4.0 is missing' }]);
	if (version.value.trim() !== '4.0')
		return err([
			{
				card: card.card,
				line: version.line,
				reason: `VERSION:${version.value} is not vCard 4.0: export the cards as vCard 4.0 (RFC 6350) and import the file again`,
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

function checked<T>(read: CardReader, property: ContentLine, result: Result<T, string>): T[] {
	if (result.ok) return [result.value];
	read.refuse(property.line, result.error);
	return [];
}

function fullName(read: CardReader, card: RawCard): string {
	const fn = read.byPreference(read.all('FN'))[0];
	if (fn === undefined) read.refuse(card.line, 'FN (the name) is missing');
	else if (text(fn) === undefined) read.refuse(fn.line, 'FN (the name) is empty');
	return fn === undefined ? '' : unescapeText(fn.value);
}

function authorityOf(read: CardReader, card: RawCard, known: ReadonlySet<string>): AuthorityId {
	const named = read.single('X-ROGATORY-AUTHORITY');
	const org = read.byPreference(read.all('ORG'))[0];
	const orgId = org === undefined ? undefined : components(org.value)[0]?.trim();
	if (named !== undefined) {
		const id = unescapeText(named.value).trim();
		if (!known.has(id)) read.refuse(named.line, `X-ROGATORY-AUTHORITY "${id}" is not an authority of the roster`);
		else if (org !== undefined && orgId !== undefined && known.has(orgId) && orgId !== id)
			read.refuse(org.line, `ORG "${orgId}" names another authority than X-ROGATORY-AUTHORITY "${id}"`);
		return id as AuthorityId;
	}
	if (org === undefined || orgId === undefined) {
		read.refuse(card.line, `the authority is missing: give its roster id (e.g. ${exampleOf(known)}) in ORG or X-ROGATORY-AUTHORITY`);
		return '' as AuthorityId;
	}
	if (known.has(orgId)) return orgId as AuthorityId;
	read.refuse(
		org.line,
		AUTHORITY_ID.test(orgId)
			? `ORG "${orgId}" is not an authority of the roster`
			: `ORG "${orgId}" is not an authority id: write the authority's roster id (e.g. ${exampleOf(known)}) first in ORG, or add X-ROGATORY-AUTHORITY`,
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
		if (matrixId === undefined) read.refuse(card.line, "UID (the person's id) is missing, and there is no matrix: IMPP to take it from");
		return matrixId ?? '';
	}
	// NOTE: UID is a URI unless VALUE=text (RFC 6350 §6.7.6); a URI has no backslash escapes.
	const id = valueType(uid) === 'text' ? unescapeText(uid.value) : uid.value;
	if (id.trim() === '') read.refuse(uid.line, 'UID is empty');
	return id;
}

function rolesOf(read: CardReader): DirectoryRole[] {
	const roles: DirectoryRole[] = [];
	for (const property of read.all('ROLE')) {
		for (const piece of unescapeText(property.value).split(',')) {
			const role = piece.trim().toLowerCase();
			if (role === '') continue;
			if (!(DIRECTORY_ROLES as readonly string[]).includes(role))
				read.refuse(property.line, `ROLE "${piece.trim()}" is not one of ${DIRECTORY_ROLES.join(', ')}`);
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
	if (tz !== undefined && offsetOnly)
		read.refuse(tz.line, `TZ "${tz.value}" must be an IANA time zone name such as America/Guatemala, as text, for X-ROGATORY-HOURS`);
	else if (tz !== undefined) [zone] = checked(read, tz, prefixed('TZ ', resolveZone(unescapeText(tz.value).trim())));
	if (declared === undefined) return undefined;
	if (tz === undefined) read.refuse(declared.line, 'X-ROGATORY-HOURS needs a TZ property with the IANA time zone of the hours');
	const [hours] = checked(read, declared, workingHours(unescapeText(declared.value)));
	return hours === undefined || zone === undefined ? undefined : { timeZone: zone, ...hours };
}

const prefixed = <T>(prefix: string, result: Result<T, string>): Result<T, string> =>
	result.ok ? result : err(`${prefix}${result.error}`);

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
	if (!/^[^\s@]+@[^\s@]+$/.test(address)) read.refuse(property.line, `EMAIL "${address}" is not an e-mail address like name@example.org`);
	return address;
}
