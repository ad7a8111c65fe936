// The directory search's filters as the page holds them (text as typed,
// empty choices meaning "any") turned into the core's query, and the choices
// the filters offer: the countries and languages the directories hold. Pure.
import type { CountryCode, NetworkId } from '#policies/roster/types.ts';
import type { DirectoryRole, Measure } from '#policies/directory/types.ts';
import type { DirectoryQuery, DirectoryView } from './core.ts';

export interface SearchFilters {
	readonly text: string;
	readonly network: string;
	readonly country: string;
	readonly role: string;
	readonly language: string;
	readonly measure: string;
	readonly reachableNow: boolean;
}

/** The query for the core's search: empty choices do not narrow. */
export function queryOf(filters: SearchFilters): DirectoryQuery {
	const text = filters.text.trim();
	return {
		...(text === '' ? {} : { text }),
		...(filters.network === '' ? {} : { network: filters.network as NetworkId }),
		...(filters.country === '' ? {} : { country: filters.country as CountryCode }),
		...(filters.role === '' ? {} : { role: filters.role as DirectoryRole }),
		...(filters.language === '' ? {} : { language: filters.language }),
		...(filters.measure === '' ? {} : { measure: filters.measure as Measure }),
		...(filters.reachableNow ? { reachableNow: true } : {}),
	};
}

/** The countries and languages the directories hold, for the filters' choices (languages by their primary subtag). */
export function choicesOf(views: readonly DirectoryView[]): { countries: string[]; languages: string[] } {
	const countries = new Set<string>();
	const languages = new Set<string>();
	for (const view of views) {
		for (const { entry } of view.authorities) {
			countries.add(entry.country);
			for (const tag of entry.requestLanguages) languages.add(tag.split('-')[0]?.toLowerCase() ?? tag);
		}
		for (const { entry } of view.people) for (const tag of entry.languages) languages.add(tag.split('-')[0]?.toLowerCase() ?? tag);
	}
	return { countries: [...countries].sort(), languages: [...languages].sort() };
}
