// The finder: "who handles this measure in that country, for this offence?"
// Each competent authority of every directory the reader holds, with its
// requirements and urgent procedure in the reader's language when written in
// it, and its people ranked for whom to call first.
import { parentOffence } from '../../cases/vocabulary/taxonomy.ts';
import type { OffenceCode } from '../../cases/ids/codes.ts';
import { reachability, reachableNow } from '../reach/reach.ts';
import type { AuthorityEntry, DirectoryView, PersonEntry } from '../types.ts';
import { authorityName, isPoint247 } from './search.ts';
import { NAME_ORDER, pickText, speaks } from './texts.ts';
import type { FinderQuery, FinderResult, RankedContact } from './types.ts';

/** Whether an authority takes cases of `offence`: it lists none (all), the offence, or one of its parents. */
export function handlesOffence(entry: AuthorityEntry, offence: OffenceCode | undefined): boolean {
	if (offence === undefined || entry.offences.length === 0) return true;
	for (let code: OffenceCode | undefined = offence; code !== undefined; code = parentOffence(code))
		if (entry.offences.includes(code)) return true;
	return false;
}

const isCompetent = (entry: AuthorityEntry, q: FinderQuery): boolean =>
	entry.country === q.country && entry.measures.includes(q.measure) && handlesOffence(entry, q.offence);

/** Code-unit order: the same on every machine, whatever its locale. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const FIRST_ROLES = new Set(['central-authority-officer', 'focal-point', 'focal-point-24-7']);

function rankContacts(people: readonly PersonEntry[], authority: AuthorityEntry, now: Date, language: string): RankedContact[] {
	const contacts = people.map((person) => {
		const r = reachability(person, now);
		return {
			person,
			reachability: r,
			reachableNow: reachableNow(r),
			point247: isPoint247(person, authority),
			speaksReaderLanguage: speaks(person.languages, language),
		};
	});
	const score = (c: RankedContact) =>
		(c.person.roles.some((role) => FIRST_ROLES.has(role)) ? 0 : 8) +
		(c.point247 ? 0 : 4) +
		(c.reachableNow ? 0 : 2) +
		(c.speaksReaderLanguage ? 0 : 1);
	return contacts.sort(
		(a, b) => score(a) - score(b) || NAME_ORDER.compare(a.person.name, b.person.name) || byCode(a.person.id, b.person.id),
	);
}

export function findCompetent(views: readonly DirectoryView[], query: FinderQuery, now: Date, readerLanguage: string): FinderResult[] {
	const results: FinderResult[] = [];
	for (const view of views) {
		for (const { entry } of view.authorities) {
			if (!isCompetent(entry, query)) continue;
			const people = view.people.filter((p) => p.entry.authority === entry.authority).map((p) => p.entry);
			const requirements = pickText(entry.requirements, readerLanguage);
			const urgent = pickText(entry.urgentProcedure, readerLanguage);
			results.push({
				network: view.network,
				authority: entry,
				requirements: requirements.text,
				requirementsLanguage: requirements.language,
				urgentProcedure: urgent.text,
				urgentProcedureLanguage: urgent.language,
				contacts: rankContacts(people, entry, now, readerLanguage),
			});
		}
	}
	const reachable = (r: FinderResult) => (r.contacts.some((c) => c.reachableNow) ? 0 : 1);
	return results.sort(
		(a, b) =>
			reachable(a) - reachable(b) ||
			NAME_ORDER.compare(authorityName(a.authority), authorityName(b.authority)) ||
			byCode(`${a.network} ${a.authority.authority}`, `${b.network} ${b.authority.authority}`),
	);
}
