// View model of the directory's search: the filters as chosen (words,
// network, country, role, language, measure, reachable now) and the hits
// across every directory the person reads, each marked by network; the
// choices offered are those the directories hold. The clock is given, so
// "reachable now" can be tested on a fixed one.
import { systemNow } from './clock.ts';
import type { DirectoryView } from './core.ts';
import { searchDirectory, type DirectoryHit } from './core.ts';
import { choicesOf, queryOf, type SearchFilters } from './search-query.ts';

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

	constructor(views: () => readonly DirectoryView[], now: () => Date = systemNow) {
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
