// TEMP: the one door of the web app to the directory's pure core. Until the
// core (policies/directory/: events, fold, reach, search, labels), the vCard
// module (policies/directory/vcard/) and the keeper (policies/directory/room/)
// land on main, this file holds minimal stand-ins with the same names and
// shapes as those modules on their branches. Once they land, every stand-in
// below becomes a re-export (`export { foldDirectory } from
// '#policies/directory/fold/fold.ts'` …) and nothing else in web/ changes.
// Every web module imports the directory core from here only.
import { serverNameOf } from '#policies/cases/ids/matrix.ts';
import type { OffenceCode } from '#policies/cases/ids/codes.ts';
import { parentOffence } from '#policies/cases/vocabulary/taxonomy.ts';
import { err, ok, type Result } from '#policies/result.ts';
import { bridgeUserId } from '#policies/roster/bridge.ts';
import type { AuthorityId, CountryCode, NetworkId, Roster } from '#policies/roster/types.ts';
import type { TrustVerdict } from '#policies/trust/verdict.ts';
import type {
	AuthorityEntry,
	DirectoryPayload,
	DirectoryRole,
	DirectoryView as DirectoryViewBase,
	Measure,
	PersonEntry,
} from '#policies/directory/types.ts';

/** TEMP: the core's branch adds `editors` to DirectoryView in policies/directory/types.ts; then this is a re-export. */
export type DirectoryView = DirectoryViewBase & {
	readonly editors: Readonly<Record<AuthorityId, readonly string[]>>;
};

// ── events (TEMP: policies/directory/events/{namespace,build,parse}.ts) ──

export const DIRECTORY_KEY = 'org.rogatory.directory' as const;
const DIRECTORY_VERSION = 1;

function directoryBody(payload: DirectoryPayload): string {
	switch (payload.type) {
		case 'authority':
			return `Directory: ${Object.values(payload.entry.names)[0] ?? payload.entry.authority} (${payload.entry.authority}) updated`;
		case 'person':
			return `Directory: ${payload.entry.name} (${payload.entry.authority}) updated`;
		case 'removed':
			return `Directory: ${payload.person} (${payload.authority}) ${payload.why === 'departed' ? 'has left' : 'removed'}`;
		case 'editors':
			return `Directory: editors of ${payload.authority} updated (${payload.editors.length})`;
	}
}

export function buildDirectoryContent(payload: DirectoryPayload): Record<string, unknown> {
	return {
		msgtype: 'm.notice',
		body: directoryBody(payload),
		'm.mentions': {},
		[DIRECTORY_KEY]: { version: DIRECTORY_VERSION, ...payload },
	};
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** TEMP: shape checks only (the real parser validates every field). */
export function parseDirectoryContent(content: unknown): Result<DirectoryPayload, string> {
	if (!isRecord(content) || !isRecord(content[DIRECTORY_KEY]))
		return err(`the content has no "${DIRECTORY_KEY}" key: not a directory event`);
	const { version, ...payload } = content[DIRECTORY_KEY];
	if (version !== DIRECTORY_VERSION) return err(`${DIRECTORY_KEY}.version: must be the number 1`);
	if (!['authority', 'person', 'removed', 'editors'].includes(String(payload['type']))) return err(`${DIRECTORY_KEY}.type: unknown`);
	if (!isRecord(payload['updated']) || typeof payload['updated']['at'] !== 'string') return err(`${DIRECTORY_KEY}.updated: missing`);
	return ok(payload as unknown as DirectoryPayload);
}

// ── fold (TEMP: policies/directory/fold/{fold,editors}.ts) ──

export interface DirectoryArrival {
	readonly eventId: string;
	readonly sender: string;
	readonly content: unknown;
	readonly verdict: TrustVerdict;
}

export interface DirectoryFoldInput {
	readonly network: NetworkId;
	readonly roster: Roster;
	readonly serverOf: (authority: AuthorityId) => string | undefined;
	readonly events: readonly DirectoryArrival[];
}

const aboutOf = (p: DirectoryPayload): string => (p.type === 'authority' || p.type === 'person' ? p.entry.authority : p.authority);
const newer = (a: { at: string; id: string }, b: { at: string; id: string }): boolean => a.at > b.at || (a.at === b.at && a.id > b.id);

export function foldDirectory(input: DirectoryFoldInput): DirectoryView {
	const ignored: { eventId: string; sender: string; reason: string }[] = [];
	const members = new Set(input.roster.authorities.filter((a) => a.memberships.some((m) => m.network === input.network)).map((a) => a.id));
	const admitted: { eventId: string; sender: string; payload: DirectoryPayload }[] = [];
	for (const e of input.events) {
		const parsed = parseDirectoryContent(e.content);
		if (!e.verdict.counts)
			ignored.push({ eventId: e.eventId, sender: e.sender, reason: `written by ${e.sender}, not trusted: ${e.verdict.reason}` });
		else if (!parsed.ok)
			ignored.push({ eventId: e.eventId, sender: e.sender, reason: `written by ${e.sender}, not a directory entry: ${parsed.error}` });
		else if (!members.has(aboutOf(parsed.value) as AuthorityId) || input.serverOf(aboutOf(parsed.value) as AuthorityId) === undefined)
			ignored.push({
				eventId: e.eventId,
				sender: e.sender,
				reason: `written by ${e.sender} about ${aboutOf(parsed.value)}, not of ${input.network}`,
			});
		else admitted.push({ eventId: e.eventId, sender: e.sender, payload: parsed.value });
	}
	const bridgeOf = (authority: string) => bridgeUserId(input.serverOf(authority as AuthorityId) ?? '');
	const latest = new Map<string, { at: string; id: string; payload: DirectoryPayload }>();
	const keep = (key: string, id: string, payload: DirectoryPayload) => {
		const known = latest.get(key);
		const candidate = { at: payload.updated.at, id, payload };
		if (known === undefined || newer(candidate, known)) latest.set(key, candidate);
	};
	for (const a of admitted) {
		if (a.payload.type !== 'editors') continue;
		const server = input.serverOf(a.payload.authority);
		if (a.sender !== bridgeOf(a.payload.authority) || a.payload.editors.some((u) => serverNameOf(u) !== server))
			ignored.push({
				eventId: a.eventId,
				sender: a.sender,
				reason: `written by ${a.sender}, who is not the bridge of ${a.payload.authority}`,
			});
		else keep(`editors ${a.payload.authority}`, a.eventId, a.payload);
	}
	const editors: Record<AuthorityId, readonly string[]> = {};
	for (const [key, { payload }] of latest) if (payload.type === 'editors') editors[key.slice(8) as AuthorityId] = payload.editors;
	for (const a of admitted) {
		if (a.payload.type === 'editors') continue;
		const about = aboutOf(a.payload);
		if (a.sender !== bridgeOf(about) && editors[about as AuthorityId]?.includes(a.sender) !== true) {
			ignored.push({ eventId: a.eventId, sender: a.sender, reason: `written by ${a.sender}, who is not an editor of ${about}` });
			continue;
		}
		const p = a.payload;
		keep(p.type === 'authority' ? `authority ${about}` : `person ${about} ${p.type === 'person' ? p.entry.id : p.person}`, a.eventId, p);
	}
	const sorted = [...latest.entries()].sort(([x], [y]) => (x < y ? -1 : 1)).map(([, v]) => v.payload);
	return {
		network: input.network,
		authorities: sorted.flatMap((p) => (p.type === 'authority' ? [{ entry: p.entry, updated: p.updated }] : [])),
		people: sorted.flatMap((p) => (p.type === 'person' ? [{ entry: p.entry, updated: p.updated }] : [])),
		editors,
		ignored: ignored.sort((a, b) => (a.eventId < b.eventId ? -1 : 1)),
	};
}

export const editorsOf = (view: DirectoryView, authority: AuthorityId): readonly string[] =>
	Object.hasOwn(view.editors, authority) ? (view.editors[authority] ?? []) : [];
export const isEditorOf = (view: DirectoryView, authority: AuthorityId, user: string): boolean => editorsOf(view, authority).includes(user);

// ── reach (TEMP: policies/directory/reach/reach.ts) ──

export const REACHABILITIES = ['on-call', 'working-hours', 'off', 'unknown'] as const;
export type Reachability = (typeof REACHABILITIES)[number];
const WEEKDAYS: Readonly<Record<string, number>> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const minutesOf = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function reachability(person: PersonEntry, now: Date): Reachability {
	const t = now.getTime();
	if (person.rota.some((p) => Date.parse(p.from) <= t && t < Date.parse(p.to))) return 'on-call';
	if (person.hours === undefined) return person.rota.length > 0 ? 'off' : 'unknown';
	try {
		const parts = new Intl.DateTimeFormat('en-US', {
			timeZone: person.hours.timeZone,
			weekday: 'short',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
		}).formatToParts(now);
		const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
		const minutes = Number(part('hour')) * 60 + Number(part('minute'));
		const inside =
			person.hours.days.includes(WEEKDAYS[part('weekday')] ?? 0) &&
			minutes >= minutesOf(person.hours.from) &&
			minutes < minutesOf(person.hours.to);
		return inside ? 'working-hours' : 'off';
	} catch {
		return 'unknown';
	}
}
export const reachableNow = (r: Reachability): boolean => r === 'on-call' || r === 'working-hours';

// ── search and finder (TEMP: policies/directory/search/{types,search,finder,texts}.ts) ──

export interface DirectoryQuery {
	readonly text?: string;
	readonly country?: CountryCode;
	readonly role?: DirectoryRole;
	readonly language?: string;
	readonly measure?: Measure;
	readonly reachableNow?: boolean;
	readonly network?: NetworkId;
}
export interface PersonHit {
	readonly kind: 'person';
	readonly network: NetworkId;
	readonly person: PersonEntry;
	readonly authority?: AuthorityEntry;
	readonly reachability: Reachability;
	readonly reachableNow: boolean;
	readonly point247: boolean;
}
export interface AuthorityHit {
	readonly kind: 'authority';
	readonly network: NetworkId;
	readonly authority: AuthorityEntry;
}
export type DirectoryHit = PersonHit | AuthorityHit;
export interface FinderQuery {
	readonly measure: Measure;
	readonly country: CountryCode;
	readonly offence?: OffenceCode;
}
export interface RankedContact {
	readonly person: PersonEntry;
	readonly reachability: Reachability;
	readonly reachableNow: boolean;
	readonly point247: boolean;
	readonly speaksReaderLanguage: boolean;
}
export interface FinderResult {
	readonly network: NetworkId;
	readonly authority: AuthorityEntry;
	readonly requirements: string;
	readonly requirementsLanguage: string;
	readonly urgentProcedure: string;
	readonly urgentProcedureLanguage: string;
	readonly contacts: readonly RankedContact[];
}

export const authorityName = (entry: AuthorityEntry): string => Object.values(entry.names)[0] ?? entry.authority;
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const matchesText = (text: string, fields: readonly string[]): boolean => {
	const hay = fold(fields.join(' '));
	return fold(text)
		.split(/\s+/)
		.filter(Boolean)
		.every((word) => hay.includes(word));
};
const speaks = (tags: readonly string[], wanted: string): boolean =>
	tags.some((t) => t.toLowerCase() === wanted.toLowerCase() || t.toLowerCase().startsWith(`${wanted.toLowerCase()}-`));
const isPoint247 = (person: PersonEntry, authority: AuthorityEntry | undefined): boolean =>
	person.roles.includes('focal-point-24-7') || (authority?.point247 !== undefined && authority.point247 === person.id);

export function pickText(texts: Readonly<Record<string, string>>, language: string): { text: string; language: string } {
	const exact = Object.entries(texts).find(([tag]) => tag === language || tag.startsWith(`${language}-`));
	const [tag, text] = exact ?? Object.entries(texts)[0] ?? ['', ''];
	return { text, language: tag };
}

export function searchDirectory(views: readonly DirectoryView[], q: DirectoryQuery, now: Date): DirectoryHit[] {
	const hits: DirectoryHit[] = [];
	const authorityMatches = (e: AuthorityEntry | undefined) =>
		(q.country === undefined && q.measure === undefined) ||
		(e !== undefined &&
			(q.country === undefined || e.country === q.country) &&
			(q.measure === undefined || e.measures.includes(q.measure)));
	for (const view of views) {
		if (q.network !== undefined && view.network !== q.network) continue;
		const authorities = new Map(view.authorities.map((a) => [a.entry.authority as string, a.entry]));
		for (const { entry: person } of view.people) {
			const authority = authorities.get(person.authority);
			if (!authorityMatches(authority)) continue;
			if (q.role !== undefined && !person.roles.includes(q.role)) continue;
			if (q.language !== undefined && !speaks(person.languages, q.language)) continue;
			const names = [person.authority, ...Object.values(authority?.names ?? {})];
			if (q.text !== undefined && !matchesText(q.text, [person.name, person.latinName ?? '', person.title ?? '', ...names])) continue;
			const r = reachability(person, now);
			if (q.reachableNow === true && !reachableNow(r)) continue;
			const hit: PersonHit = {
				kind: 'person',
				network: view.network,
				person,
				reachability: r,
				reachableNow: reachableNow(r),
				point247: isPoint247(person, authority),
			};
			hits.push(authority === undefined ? hit : { ...hit, authority });
		}
		if (q.role !== undefined || q.reachableNow === true) continue;
		for (const { entry } of view.authorities) {
			if (!authorityMatches(entry)) continue;
			if (q.language !== undefined && !speaks(entry.requestLanguages, q.language)) continue;
			if (q.text !== undefined && !matchesText(q.text, [entry.authority, ...Object.values(entry.names)])) continue;
			hits.push({ kind: 'authority', network: view.network, authority: entry });
		}
	}
	const rank = (h: DirectoryHit) => (h.kind === 'person' ? (h.reachableNow ? 0 : 2) + (h.point247 ? 0 : 1) : 4);
	const name = (h: DirectoryHit) => (h.kind === 'person' ? h.person.name : authorityName(h.authority));
	return hits.sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b)));
}

function handlesOffence(entry: AuthorityEntry, offence: OffenceCode | undefined): boolean {
	if (offence === undefined || entry.offences.length === 0) return true;
	for (let code: OffenceCode | undefined = offence; code !== undefined; code = parentOffence(code))
		if (entry.offences.includes(code)) return true;
	return false;
}

const FIRST_ROLES = new Set<string>(['central-authority-officer', 'focal-point', 'focal-point-24-7']);

export function findCompetent(views: readonly DirectoryView[], q: FinderQuery, now: Date, readerLanguage: string): FinderResult[] {
	const results: FinderResult[] = [];
	for (const view of views)
		for (const { entry } of view.authorities) {
			if (entry.country !== q.country || !entry.measures.includes(q.measure) || !handlesOffence(entry, q.offence)) continue;
			const contacts = view.people
				.filter((p) => p.entry.authority === entry.authority)
				.map(({ entry: person }) => {
					const r = reachability(person, now);
					return {
						person,
						reachability: r,
						reachableNow: reachableNow(r),
						point247: isPoint247(person, entry),
						speaksReaderLanguage: speaks(person.languages, readerLanguage),
					};
				});
			const score = (c: RankedContact) =>
				(c.person.roles.some((r) => FIRST_ROLES.has(r)) ? 0 : 8) +
				(c.point247 ? 0 : 4) +
				(c.reachableNow ? 0 : 2) +
				(c.speaksReaderLanguage ? 0 : 1);
			contacts.sort((a, b) => score(a) - score(b) || a.person.name.localeCompare(b.person.name));
			const requirements = pickText(entry.requirements, readerLanguage);
			const urgent = pickText(entry.urgentProcedure, readerLanguage);
			results.push({
				network: view.network,
				authority: entry,
				requirements: requirements.text,
				requirementsLanguage: requirements.language,
				urgentProcedure: urgent.text,
				urgentProcedureLanguage: urgent.language,
				contacts,
			});
		}
	return results;
}

// ── keeper (TEMP: policies/directory/room/keeper.ts) ──

export const DIRECTORY_ALIAS_PREFIX = '#rogatory-directory-';

/** The network's first member authority that has a homeserver, in roster order. */
export function keeperOf(
	roster: Roster,
	network: NetworkId,
	serverOf: (authority: AuthorityId) => string | undefined,
): AuthorityId | undefined {
	return roster.authorities.find(
		(a) => a.memberships.some((m) => m.network === network && m.status === 'member') && serverOf(a.id) !== undefined,
	)?.id;
}

export const directoryAlias = (network: NetworkId, keeperServer: string): string =>
	`${DIRECTORY_ALIAS_PREFIX}${network.toLowerCase()}:${keeperServer}`;

// ── vCard (TEMP: policies/directory/vcard/) ──

export interface ParsedCard {
	readonly card: number;
	readonly line: number;
	readonly entry: PersonEntry;
}
export interface CardRefusal {
	readonly card: number;
	readonly line: number;
	readonly reason: string;
}
export interface VcardContext {
	readonly authorities: readonly AuthorityId[];
}

const esc = (v: string): string =>
	v
		.replace(/\\/g, '\\\\')
		.replace(/\n/g, '\\n')
		.replace(/([,;])/g, '\\$1');
const unesc = (v: string): string => v.replace(/\\([\\,;nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/** TEMP: FN, ORG, TITLE, ROLE, LANG, TEL, EMAIL, IMPP, TZ, UID (the real module is RFC 6350 complete). */
export function serializeVcards(entries: readonly PersonEntry[]): string {
	const lines: string[] = [];
	for (const e of entries) {
		lines.push('BEGIN:VCARD', 'VERSION:4.0', `UID:${esc(e.id)}`, `FN:${esc(e.name)}`, `ORG:${esc(e.authority)}`);
		if (e.title !== undefined) lines.push(`TITLE:${esc(e.title)}`);
		for (const role of e.roles) lines.push(`ROLE:${esc(role)}`);
		e.languages.forEach((l, i) => lines.push(`LANG;PREF=${i + 1}:${l}`));
		if (e.phone !== undefined) lines.push(`TEL;VALUE=uri:tel:${e.phone.replace(/\s/g, '')}`);
		if (e.email !== undefined) lines.push(`EMAIL:${esc(e.email)}`);
		if (e.matrixId !== undefined) lines.push(`IMPP:matrix:u/${e.matrixId.slice(1)}`);
		if (e.hours !== undefined) lines.push(`TZ:${e.hours.timeZone}`);
		lines.push('END:VCARD');
	}
	return lines.map((l) => `${l}\r\n`).join('');
}

export function parseVcards(text: string, context: VcardContext): Result<readonly ParsedCard[], readonly CardRefusal[]> {
	const cards: ParsedCard[] = [];
	const refusals: CardRefusal[] = [];
	const lines = text.replace(/\r\n[ \t]/g, '').split(/\r?\n/);
	let current: { card: number; line: number; props: { name: string; value: string; line: number }[] } | undefined;
	let count = 0;
	lines.forEach((raw, index) => {
		const line = index + 1;
		if (raw.trim() === '') return;
		const colon = raw.indexOf(':');
		const name = (colon < 0 ? raw : raw.slice(0, colon)).split(';')[0]?.toUpperCase() ?? '';
		const value = colon < 0 ? '' : raw.slice(colon + 1);
		if (name === 'BEGIN') {
			count += 1;
			current = { card: count, line, props: [] };
			return;
		}
		if (current === undefined) return refusals.push({ card: count, line, reason: 'a line outside BEGIN:VCARD … END:VCARD' }) && undefined;
		if (name !== 'END') return current.props.push({ name, value, line }) && undefined;
		const c = current;
		current = undefined;
		const get = (n: string) => c.props.find((p) => p.name === n);
		const fn = get('FN');
		const org = get('ORG');
		if (fn === undefined || unesc(fn.value).trim() === '')
			return refusals.push({ card: c.card, line: c.line, reason: 'the card has no FN (name)' }) && undefined;
		const authority = unesc(org?.value ?? '').split(';')[0] ?? '';
		if (!context.authorities.includes(authority as AuthorityId))
			return (
				refusals.push({ card: c.card, line: org?.line ?? c.line, reason: `ORG: "${authority}" is not an authority of the roster` }) &&
				undefined
			);
		const impp = get('IMPP')?.value;
		const matrixId = impp?.startsWith('matrix:u/') === true ? `@${impp.slice(9)}` : undefined;
		const tel = get('TEL')?.value;
		const email = get('EMAIL')?.value;
		const title = get('TITLE')?.value;
		const tz = get('TZ')?.value;
		const roles = c.props.filter((p) => p.name === 'ROLE').map((p) => unesc(p.value)) as DirectoryRole[];
		const entry: PersonEntry = {
			id: unesc(get('UID')?.value ?? matrixId ?? unesc(fn.value)),
			authority: authority as AuthorityId,
			name: unesc(fn.value),
			...(title === undefined ? {} : { title: unesc(title) }),
			roles,
			languages: c.props.filter((p) => p.name === 'LANG').map((p) => p.value),
			...(tel === undefined ? {} : { phone: tel.replace(/^tel:/, '') }),
			...(email === undefined ? {} : { email: unesc(email) }),
			...(matrixId === undefined ? {} : { matrixId }),
			...(tz === undefined ? {} : { hours: { timeZone: tz, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' } }),
			rota: [],
		};
		cards.push({ card: c.card, line: c.line, entry });
	});
	if (current !== undefined) refusals.push({ card: current.card, line: current.line, reason: 'the card has no END:VCARD' });
	if (count === 0) refusals.push({ card: 0, line: 1, reason: 'the file holds no card (no BEGIN:VCARD)' });
	return refusals.length > 0 ? err(refusals) : ok(cards);
}
