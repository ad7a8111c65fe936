// Reads an authority entry and a person entry from untrusted JSON: every
// field checked against its grammar, its closed vocabulary and its length
// cap; unknown keys dropped. Returns a Read naming the key path at fault.
import { err, ok } from '../../result.ts';
import { parseAuthorityId, parseOffenceCode } from '../../cases/ids/codes.ts';
import { parseUserId } from '../../cases/ids/matrix.ts';
import { get, has, isObject, list, object, oneOf, text, via, type JsonObject, type Read } from '../../cases/events/read.ts';
import type { CountryCode } from '../../roster/types.ts';
import {
	AUTHORITY_KINDS,
	CHANNEL_KINDS,
	CONTACT_VISIBILITIES,
	DIRECTORY_ROLES,
	MEASURES,
	type AuthorityEntry,
	type ContactChannel,
	type DirectoryDocument,
	type OnCallPeriod,
	type PersonEntry,
	type Texts,
	type WorkingHours,
} from '../types.ts';
import { DIRECTORY_LIMITS as L } from './namespace.ts';
import { clockTime, email, httpsUrl, instant, instantMs, languageTag, minutesOf, phone, timeZone } from './values.ts';

export type Reader<T> = (value: unknown, path: string) => Read<T>;

/** A list with no value twice. */
export function unique<T>(value: unknown, path: string, max: number, item: Reader<T>): Read<T[]> {
	const items = list(value, path, max, item);
	if (!items.ok) return items;
	return new Set(items.value).size === items.value.length ? items : err(`${path}: names the same value twice`);
}

/** Language tag → text, at least one language. */
function texts(max: number): Reader<Texts> {
	return (value, path) => {
		if (!isObject(value)) return err(`${path}: must be an object of language tag → text`);
		const keys = Object.keys(value);
		if (keys.length === 0) return err(`${path}: must hold at least one language`);
		if (keys.length > L.texts) return err(`${path}: must hold at most ${L.texts} languages`);
		const out: Record<string, string> = {};
		for (const key of keys) {
			const tag = languageTag(key, `${path} key`);
			if (!tag.ok) return tag;
			const t = text(get(value, key), `${path}.${key}`, max);
			if (!t.ok) return t;
			out[key] = t.value;
		}
		return ok(out);
	};
}

export const country: Reader<CountryCode> = (value, path) =>
	typeof value === 'string' && /^[A-Z]{2}$/.test(value)
		? ok(value as CountryCode)
		: err(`${path}: must be an ISO 3166-1 alpha-2 country code such as "GT"`);

const matrixAddress: Reader<string> = (value, path) => {
	if (typeof value === 'string' && /^#[^:\s]{1,200}:[^\s]{1,255}$/.test(value)) return ok(value);
	return via(parseUserId, value, path);
};

const CHANNEL_VALUE: Readonly<Record<ContactChannel['kind'], Reader<string>>> = {
	matrix: matrixAddress,
	email,
	phone,
	fax: phone,
	post: (value, path) => text(value, path, L.channelValue),
	portal: httpsUrl,
};

const channel: Reader<ContactChannel> = (value, path) => {
	const o = object(value, path);
	if (!o.ok) return o;
	const kind = oneOf(CHANNEL_KINDS, get(o.value, 'kind'), `${path}.kind`);
	if (!kind.ok) return kind;
	const v = CHANNEL_VALUE[kind.value](get(o.value, 'value'), `${path}.value`);
	return v.ok ? ok({ kind: kind.value, value: v.value }) : v;
};

const DOCUMENT_KINDS = ['law', 'template', 'guide'] as const;

const document: Reader<DirectoryDocument> = (value, path) => {
	const o = object(value, path);
	if (!o.ok) return o;
	const title = text(get(o.value, 'title'), `${path}.title`, L.name);
	if (!title.ok) return title;
	const kind = oneOf(DOCUMENT_KINDS, get(o.value, 'kind'), `${path}.kind`);
	if (!kind.ok) return kind;
	if (has(o.value, 'url') === has(o.value, 'file')) return err(`${path}: must have either a "url" or an attached "file", not both`);
	let out: DirectoryDocument = { title: title.value, kind: kind.value };
	if (has(o.value, 'url')) {
		const url = httpsUrl(get(o.value, 'url'), `${path}.url`);
		if (!url.ok) return url;
		out = { ...out, url: url.value };
	} else {
		const file = object(get(o.value, 'file'), `${path}.file`);
		if (!file.ok) return file;
		const mxc = get(file.value, 'url');
		if (typeof mxc !== 'string' || !mxc.startsWith('mxc://') || mxc.length > 500) return err(`${path}.file.url: must be an mxc:// URI`);
		out = { ...out, file: file.value };
	}
	if (has(o.value, 'language')) {
		const language = languageTag(get(o.value, 'language'), `${path}.language`);
		if (!language.ok) return language;
		out = { ...out, language: language.value };
	}
	return ok(out);
};

/** Reads the optional field `key` when present; `undefined` in the Read when absent. */
export function optional<T>(o: JsonObject, key: string, path: string, read: Reader<T>): Read<T | undefined> {
	return has(o, key) ? read(get(o, key), `${path}.${key}`) : ok(undefined);
}

export function parseAuthorityEntry(value: unknown, path: string): Read<AuthorityEntry> {
	const o = object(value, path);
	if (!o.ok) return o;
	const at = (key: string) => `${path}.${key}`;
	const v = o.value;
	const authority = via(parseAuthorityId, get(v, 'authority'), at('authority'));
	if (!authority.ok) return authority;
	const names = texts(L.name)(get(v, 'names'), at('names'));
	if (!names.ok) return names;
	const c = country(get(v, 'country'), at('country'));
	if (!c.ok) return c;
	const kind = oneOf(AUTHORITY_KINDS, get(v, 'kind'), at('kind'));
	if (!kind.ok) return kind;
	const channels = list(get(v, 'channels'), at('channels'), L.channels, channel);
	if (!channels.ok) return channels;
	const requestLanguages = unique(get(v, 'requestLanguages'), at('requestLanguages'), L.languages, languageTag);
	if (!requestLanguages.ok) return requestLanguages;
	const requirements = texts(L.longText)(get(v, 'requirements'), at('requirements'));
	if (!requirements.ok) return requirements;
	const urgentProcedure = texts(L.longText)(get(v, 'urgentProcedure'), at('urgentProcedure'));
	if (!urgentProcedure.ok) return urgentProcedure;
	const measures = unique(get(v, 'measures'), at('measures'), MEASURES.length, (m, p) => oneOf(MEASURES, m, p));
	if (!measures.ok) return measures;
	const offences = unique(get(v, 'offences'), at('offences'), L.offences, (x, p) => via(parseOffenceCode, x, p));
	if (!offences.ok) return offences;
	const documents = list(get(v, 'documents'), at('documents'), L.documents, document);
	if (!documents.ok) return documents;
	const point247 = optional(v, 'point247', path, (x, p) => text(x, p, L.personId));
	if (!point247.ok) return point247;
	return ok({
		authority: authority.value,
		names: names.value,
		country: c.value,
		kind: kind.value,
		channels: channels.value,
		requestLanguages: requestLanguages.value,
		requirements: requirements.value,
		urgentProcedure: urgentProcedure.value,
		measures: measures.value,
		offences: offences.value,
		documents: documents.value,
		...(point247.value === undefined ? {} : { point247: point247.value }),
	});
}

const hours: Reader<WorkingHours> = (value, path) => {
	const o = object(value, path);
	if (!o.ok) return o;
	const zone = timeZone(get(o.value, 'timeZone'), `${path}.timeZone`);
	if (!zone.ok) return zone;
	const day: Reader<number> = (d, p) =>
		Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 7 ? ok(d as number) : err(`${p}: must be a day 1 (Monday) … 7 (Sunday)`);
	const days = unique(get(o.value, 'days'), `${path}.days`, 7, day);
	if (!days.ok) return days;
	if (days.value.length === 0) return err(`${path}.days: must name at least one day`);
	const from = clockTime(get(o.value, 'from'), `${path}.from`);
	if (!from.ok) return from;
	const to = clockTime(get(o.value, 'to'), `${path}.to`);
	if (!to.ok) return to;
	if (from.value === '24:00' || minutesOf(to.value) <= minutesOf(from.value))
		return err(`${path}.to: must be after "from" (an overnight shift is two on-call periods)`);
	return ok({ timeZone: zone.value, days: days.value, from: from.value, to: to.value });
};

const period: Reader<OnCallPeriod> = (value, path) => {
	const o = object(value, path);
	if (!o.ok) return o;
	const from = instant(get(o.value, 'from'), `${path}.from`);
	if (!from.ok) return from;
	const to = instant(get(o.value, 'to'), `${path}.to`);
	if (!to.ok) return to;
	return instantMs(to.value) > instantMs(from.value) ? ok({ from: from.value, to: to.value }) : err(`${path}.to: must be after "from"`);
};

export function parsePersonEntry(value: unknown, path: string): Read<PersonEntry> {
	const o = object(value, path);
	if (!o.ok) return o;
	const at = (key: string) => `${path}.${key}`;
	const v = o.value;
	const id = text(get(v, 'id'), at('id'), L.personId);
	if (!id.ok) return id;
	const authority = via(parseAuthorityId, get(v, 'authority'), at('authority'));
	if (!authority.ok) return authority;
	const name = text(get(v, 'name'), at('name'), L.name);
	if (!name.ok) return name;
	const short: Reader<string> = (x, p) => text(x, p, L.name);
	const latinName = optional(v, 'latinName', path, short);
	if (!latinName.ok) return latinName;
	const title = optional(v, 'title', path, short);
	if (!title.ok) return title;
	const roles = unique(get(v, 'roles'), at('roles'), DIRECTORY_ROLES.length, (r, p) => oneOf(DIRECTORY_ROLES, r, p));
	if (!roles.ok) return roles;
	const languages = unique(get(v, 'languages'), at('languages'), L.languages, languageTag);
	if (!languages.ok) return languages;
	const h = optional(v, 'hours', path, hours);
	if (!h.ok) return h;
	const p = optional(v, 'phone', path, phone);
	if (!p.ok) return p;
	const e = optional(v, 'email', path, email);
	if (!e.ok) return e;
	const matrixId = optional(v, 'matrixId', path, (x, q) => via(parseUserId, x, q));
	if (!matrixId.ok) return matrixId;
	const rota = list(get(v, 'rota'), at('rota'), L.rota, period);
	if (!rota.ok) return rota;
	const visibility = optional(v, 'contactVisibility', path, (x, q) => oneOf(CONTACT_VISIBILITIES, x, q));
	if (!visibility.ok) return visibility;
	// NOTE: an entry that keeps its phone and e-mail for the 24/7 points must
	// not carry them: everyone in the directory room can decrypt it.
	if (visibility.value !== undefined && (p.value !== undefined || e.value !== undefined))
		return err(`${path}: a person whose contact details are for 24/7 points only has no phone or e-mail in their entry`);
	return ok({
		id: id.value,
		authority: authority.value,
		name: name.value,
		...(latinName.value === undefined ? {} : { latinName: latinName.value }),
		...(title.value === undefined ? {} : { title: title.value }),
		roles: roles.value,
		languages: languages.value,
		...(h.value === undefined ? {} : { hours: h.value }),
		...(p.value === undefined ? {} : { phone: p.value }),
		...(e.value === undefined ? {} : { email: e.value }),
		...(matrixId.value === undefined ? {} : { matrixId: matrixId.value }),
		rota: rota.value,
		...(visibility.value === undefined ? {} : { contactVisibility: visibility.value }),
	});
}
