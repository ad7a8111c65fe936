// The editor's forms as plain data: an authority entry and a person entry as
// the form's fields hold them (text as typed), read back into entries with a
// problem per field the page can word. The core's parser has the last word
// on what is sent; these checks only say early, in the editor's language,
// what it would refuse, and the core's refusal of a built entry comes back as
// the field it is about (core-check.ts). Texts in other languages than the
// one edited are kept as they were. Pure.
import { isUserId } from '#policies/cases/ids/matrix.ts';
import {
	CHANNEL_KINDS,
	type AuthorityEntry,
	type AuthorityKind,
	type ChannelKind,
	type ContactChannel,
	type DirectoryRole,
	type Measure,
	type OnCallPeriod,
	type PersonEntry,
	type Texts,
} from '#policies/directory/types.ts';
import type { OffenceCode } from '#policies/cases/ids/codes.ts';
import { isTimeZone } from '#policies/directory/index.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { authorityCoreProblem, personCoreProblem } from './core-check.ts';
import type { AuthorityId, CountryCode } from '#policies/roster/types.ts';

export type FieldProblemCode =
	| 'required'
	| 'language'
	| 'time-zone'
	| 'time'
	| 'hours-order'
	| 'matrix-id'
	| 'email'
	| 'phone'
	| 'channel'
	| 'rota'
	| 'days'
	/** The core's parser refuses it (too long, or not written as it reads it). */
	| 'refused';

export interface FieldProblem {
	readonly field: string;
	readonly code: FieldProblemCode;
	/** The line (1-based) of a many-line field the problem is on. */
	readonly line?: number;
}

export interface AuthorityDraft {
	/** The language the texts below are edited in (BCP 47). */
	textLanguage: string;
	name: string;
	kind: AuthorityKind;
	/** One channel a line: "email: cooperation@example.org". */
	channels: string;
	/** BCP 47 tags, separated by commas or spaces. */
	requestLanguages: string;
	requirements: string;
	urgentProcedure: string;
	measures: Measure[];
	/** Offence codes, separated by commas or spaces; empty = all. */
	offences: string;
	/** A person id of the authority, or empty. */
	point247: string;
}

export interface PersonDraft {
	/** Empty for a new person: their Matrix ID becomes their id, else their name. */
	id: string;
	name: string;
	latinName: string;
	title: string;
	roles: DirectoryRole[];
	languages: string;
	timeZone: string;
	days: number[];
	from: string;
	to: string;
	phone: string;
	email: string;
	/** The phone and e-mail for the network's 24/7 points only (PersonEntry.contactVisibility). */
	contactRestricted: boolean;
	matrixId: string;
	/** One on-call period a line: "2026-12-05T00:00-06:00 / 2026-12-07T00:00-06:00". */
	rota: string;
}

const tags = (text: string): string[] => text.split(/[\s,;]+/).filter((t) => t !== '');

function validTag(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Texts with the edited language's text replaced (or dropped when emptied), the others kept. */
function withText(existing: Texts | undefined, language: string, text: string): Texts {
	const kept = Object.fromEntries(Object.entries(existing ?? {}).filter(([tag]) => tag !== language));
	const trimmed = text.trim();
	return trimmed === '' ? kept : { [language]: trimmed, ...kept };
}

export function authorityDraft(entry: AuthorityEntry | undefined, language: string): AuthorityDraft {
	const textLanguage =
		entry === undefined ? language : (Object.keys(entry.names).find((t) => t === language) ?? Object.keys(entry.names)[0] ?? language);
	return {
		textLanguage,
		name: entry?.names[textLanguage] ?? '',
		kind: entry?.kind ?? 'central-authority',
		channels: (entry?.channels ?? []).map((c) => `${c.kind}: ${c.value}`).join('\n'),
		requestLanguages: (entry?.requestLanguages ?? [language]).join(', '),
		requirements: entry?.requirements[textLanguage] ?? '',
		urgentProcedure: entry?.urgentProcedure[textLanguage] ?? '',
		measures: [...(entry?.measures ?? [])],
		offences: (entry?.offences ?? []).join(', '),
		point247: entry?.point247 ?? '',
	};
}

function channelsOf(text: string, problems: FieldProblem[], lines: number[]): ContactChannel[] {
	const channels: ContactChannel[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = raw.trim();
		if (line === '') return;
		const colon = line.indexOf(':');
		const kind = line.slice(0, Math.max(colon, 0)).trim().toLowerCase();
		const value = line.slice(colon + 1).trim();
		if (colon < 0 || !(CHANNEL_KINDS as readonly string[]).includes(kind) || value === '')
			problems.push({ field: 'channels', code: 'channel', line: index + 1 });
		else {
			channels.push({ kind: kind as ChannelKind, value });
			lines.push(index + 1);
		}
	});
	return channels;
}

export function authorityEntryOf(
	draft: AuthorityDraft,
	about: { readonly authority: AuthorityId; readonly country: CountryCode },
	existing: AuthorityEntry | undefined,
): Result<AuthorityEntry, FieldProblem[]> {
	const problems: FieldProblem[] = [];
	if (!validTag(draft.textLanguage)) problems.push({ field: 'textLanguage', code: 'language' });
	const names = withText(existing?.names, draft.textLanguage, draft.name);
	if (draft.name.trim() === '') problems.push({ field: 'name', code: 'required' });
	const requestLanguages = tags(draft.requestLanguages);
	if (requestLanguages.length === 0) problems.push({ field: 'requestLanguages', code: 'required' });
	else if (!requestLanguages.every(validTag)) problems.push({ field: 'requestLanguages', code: 'language' });
	const channelLines: number[] = [];
	const channels = channelsOf(draft.channels, problems, channelLines);
	const requirements = withText(existing?.requirements, draft.textLanguage, draft.requirements);
	if (Object.keys(requirements).length === 0) problems.push({ field: 'requirements', code: 'required' });
	const urgentProcedure = withText(existing?.urgentProcedure, draft.textLanguage, draft.urgentProcedure);
	if (Object.keys(urgentProcedure).length === 0) problems.push({ field: 'urgentProcedure', code: 'required' });
	if (problems.length > 0) return err(problems);
	const point247 = draft.point247.trim();
	const entry: AuthorityEntry = {
		authority: about.authority,
		names,
		country: about.country,
		kind: draft.kind,
		channels,
		requestLanguages,
		requirements,
		urgentProcedure,
		measures: [...draft.measures],
		offences: tags(draft.offences) as OffenceCode[],
		documents: existing?.documents ?? [],
		...(point247 === '' ? {} : { point247 }),
	};
	const refused = authorityCoreProblem(entry, { channels: channelLines });
	return refused ? err([refused]) : ok(entry);
}

export function personDraft(entry: PersonEntry | undefined): PersonDraft {
	return {
		id: entry?.id ?? '',
		name: entry?.name ?? '',
		latinName: entry?.latinName ?? '',
		title: entry?.title ?? '',
		roles: [...(entry?.roles ?? [])],
		languages: (entry?.languages ?? []).join(', '),
		timeZone: entry?.hours?.timeZone ?? '',
		days: [...(entry?.hours?.days ?? [1, 2, 3, 4, 5])],
		from: entry?.hours?.from ?? '',
		to: entry?.hours?.to ?? '',
		phone: entry?.phone ?? '',
		email: entry?.email ?? '',
		contactRestricted: entry?.contactVisibility === 'points-247',
		matrixId: entry?.matrixId ?? '',
		rota: (entry?.rota ?? []).map((p) => `${p.from} / ${p.to}`).join('\n'),
	};
}

function rotaOf(text: string, problems: FieldProblem[], lines: number[]): OnCallPeriod[] {
	const rota: OnCallPeriod[] = [];
	text.split('\n').forEach((raw, index) => {
		const line = raw.trim();
		if (line === '') return;
		const [from = '', to = '', ...rest] = line.split('/').map((part) => part.trim());
		const instant = (s: string) => /(Z|[+-]\d\d:\d\d)$/.test(s) && !Number.isNaN(Date.parse(s));
		if (rest.length > 0 || !instant(from) || !instant(to) || Date.parse(to) <= Date.parse(from))
			problems.push({ field: 'rota', code: 'rota', line: index + 1 });
		else {
			rota.push({ from, to });
			lines.push(index + 1);
		}
	});
	return rota;
}

export function personEntryOf(draft: PersonDraft, authority: AuthorityId): Result<PersonEntry, FieldProblem[]> {
	const problems: FieldProblem[] = [];
	const name = draft.name.trim();
	if (name === '') problems.push({ field: 'name', code: 'required' });
	const languages = tags(draft.languages);
	if (!languages.every(validTag)) problems.push({ field: 'languages', code: 'language' });
	const matrixId = draft.matrixId.trim();
	if (matrixId !== '' && !isUserId(matrixId)) problems.push({ field: 'matrixId', code: 'matrix-id' });
	const email = draft.email.trim();
	if (email !== '' && !/^[^\s@]+@[^\s@]+$/.test(email)) problems.push({ field: 'email', code: 'email' });
	const zone = draft.timeZone.trim();
	const from = draft.from.trim();
	const to = draft.to.trim();
	const hoursGiven = zone !== '' || from !== '' || to !== '';
	if (hoursGiven) {
		if (!isTimeZone(zone)) problems.push({ field: 'timeZone', code: 'time-zone' });
		if (!HHMM.test(from)) problems.push({ field: 'from', code: 'time' });
		if (!HHMM.test(to)) problems.push({ field: 'to', code: 'time' });
		else if (HHMM.test(from) && to <= from) problems.push({ field: 'to', code: 'hours-order' });
		if (draft.days.length === 0) problems.push({ field: 'days', code: 'days' });
	}
	const rotaLines: number[] = [];
	const rota = rotaOf(draft.rota, problems, rotaLines);
	if (problems.length > 0) return err(problems);
	const optional = (key: string, value: string) => (value.trim() === '' ? {} : { [key]: value.trim() });
	const entry: PersonEntry = {
		id: draft.id.trim() !== '' ? draft.id.trim() : matrixId !== '' ? matrixId : name,
		authority,
		name,
		...optional('latinName', draft.latinName),
		...optional('title', draft.title),
		roles: [...draft.roles],
		languages,
		...(hoursGiven ? { hours: { timeZone: zone, days: [...draft.days].sort((a, b) => a - b), from, to } } : {}),
		...optional('phone', draft.phone),
		...optional('email', email),
		...optional('matrixId', matrixId),
		rota,
		...(draft.contactRestricted ? { contactVisibility: 'points-247' as const } : {}),
	};
	// NOTE: the core reads a restricted entry without its phone and e-mail (they go to the 24/7 room): checked as unrestricted.
	const { contactVisibility: _restricted, ...checked } = entry;
	const refused = personCoreProblem(checked, { rota: rotaLines });
	return refused ? err([refused]) : ok(entry);
}
