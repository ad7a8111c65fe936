// Searching the directories of the networks a reader belongs to: people and
// authorities, each marked by network, filtered by words, country, role,
// language, measure and reachability now; reachable people first, then 24/7
// points, then by name. A person matches a country or a measure through their
// authority's entry.
import { reachability, reachableNow } from '../reach/reach.ts';
import type { AuthorityEntry, DirectoryView, PersonEntry } from '../types.ts';
import { matchesText, NAME_ORDER, speaks } from './texts.ts';
import type { AuthorityHit, DirectoryHit, DirectoryQuery, PersonHit } from './types.ts';

/** An authority's own name: the first it gives. */
export const authorityName = (entry: AuthorityEntry): string => Object.values(entry.names)[0] ?? entry.authority;

export const isPoint247 = (person: PersonEntry, authority: AuthorityEntry | undefined): boolean =>
	person.roles.includes('focal-point-24-7') || (authority?.point247 !== undefined && authority.point247 === person.id);

function authorityMatches(entry: AuthorityEntry | undefined, q: DirectoryQuery): boolean {
	if (q.country === undefined && q.measure === undefined) return true;
	if (entry === undefined) return false;
	return (q.country === undefined || entry.country === q.country) && (q.measure === undefined || entry.measures.includes(q.measure));
}

function personHits(view: DirectoryView, q: DirectoryQuery, now: Date): PersonHit[] {
	const authorities = new Map(view.authorities.map((a) => [a.entry.authority as string, a.entry]));
	return view.people.flatMap(({ entry: person }) => {
		const authority = authorities.get(person.authority);
		if (!authorityMatches(authority, q)) return [];
		if (q.role !== undefined && !person.roles.includes(q.role)) return [];
		if (q.language !== undefined && !speaks(person.languages, q.language)) return [];
		const names = authority === undefined ? [person.authority] : [person.authority, ...Object.values(authority.names)];
		if (q.text !== undefined && !matchesText(q.text, [person.name, person.latinName ?? '', person.title ?? '', ...names])) return [];
		const r = reachability(person, now);
		if (q.reachableNow === true && !reachableNow(r)) return [];
		const hit: PersonHit = {
			kind: 'person',
			network: view.network,
			person,
			reachability: r,
			reachableNow: reachableNow(r),
			point247: isPoint247(person, authority),
		};
		return [authority === undefined ? hit : { ...hit, authority }];
	});
}

function authorityHits(view: DirectoryView, q: DirectoryQuery): AuthorityHit[] {
	if (q.role !== undefined || q.reachableNow === true) return [];
	return view.authorities.flatMap(({ entry }) => {
		if (!authorityMatches(entry, q)) return [];
		if (q.language !== undefined && !speaks(entry.requestLanguages, q.language)) return [];
		if (q.text !== undefined && !matchesText(q.text, [entry.authority, ...Object.values(entry.names)])) return [];
		return [{ kind: 'authority', network: view.network, authority: entry }];
	});
}

const nameOf = (hit: DirectoryHit): string => (hit.kind === 'person' ? hit.person.name : authorityName(hit.authority));
const tieKey = (hit: DirectoryHit): string =>
	hit.kind === 'person' ? `${hit.network} ${hit.person.authority} ${hit.person.id}` : `${hit.network} ${hit.authority.authority}`;
const rank = (hit: DirectoryHit): number => (hit.kind === 'person' ? (hit.reachableNow ? 0 : 2) + (hit.point247 ? 0 : 1) : 4);

/** Compares two hits: reachable first, then 24/7 points, then by name. */
export function compareHits(a: DirectoryHit, b: DirectoryHit): number {
	return rank(a) - rank(b) || NAME_ORDER.compare(nameOf(a), nameOf(b)) || (tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0);
}

export function searchDirectory(views: readonly DirectoryView[], query: DirectoryQuery, now: Date): DirectoryHit[] {
	const hits: DirectoryHit[] = [];
	for (const view of views) {
		if (query.network !== undefined && view.network !== query.network) continue;
		hits.push(...personHits(view, query, now), ...authorityHits(view, query));
	}
	return hits.sort(compareHits);
}
