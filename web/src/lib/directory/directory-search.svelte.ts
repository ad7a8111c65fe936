// View model of the directory's search: the filters as chosen (words,
// network, country, role, language, measure, reachable now) and the hits
// across every directory the person reads, each marked by network; the
// choices offered are those the directories hold. The clock is given, so
// "reachable now" can be tested on a fixed one.
import type { CountryCode, NetworkId } from '#policies/roster/types.ts';
import type { DirectoryRole, Measure } from '#policies/directory/types.ts';
import type { DirectoryView } from './core.ts';
import { searchDirectory, type DirectoryHit, type DirectoryQuery } from './core.ts';

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

export class DirectorySearch implements SearchFilters {
	readonly #views: () => readonly DirectoryView[];
	readonly #now: () => Date;
	text = $state('');
	network = $state('');
	country = $state('');
	role = $state('');
	language = $state('');
	measure = $state('');
	reachableNow = $state(false);

	constructor(views: () => readonly DirectoryView[], now: () => Date = () => new Date()) {
		this.#views = views;
		this.#now = now;
	}

	get results(): DirectoryHit[] {
		return searchDirectory(this.#views(), queryOf(this), this.#now());
	}

	get choices(): { countries: string[]; languages: string[] } {
		return choicesOf(this.#views());
	}

	/** Whether any filter narrows the search. */
	get filtered(): boolean {
		return Object.keys(queryOf(this)).length > 0;
	}

	clear(): void {
		this.text = '';
		this.network = '';
		this.country = '';
		this.role = '';
		this.language = '';
		this.measure = '';
		this.reachableNow = false;
	}
}
