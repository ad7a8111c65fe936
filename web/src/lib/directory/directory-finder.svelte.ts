// View model of the finder: "I need <measure> from <country> for <offence>"
// → each competent authority of the person's directories, its requirements
// and urgent procedure in the reader's language where written in it, and its
// people ranked for whom to write to first (the core's findCompetent).
import type { OffenceCode } from '#policies/cases/ids/codes.ts';
import type { Measure } from '#policies/directory/types.ts';
import { systemNow } from './clock.ts';
import type { DirectoryView } from './core.ts';
import type { CountryCode, Language } from '#policies/roster/types.ts';
import { findCompetent, type FinderResult } from './core.ts';

export class DirectoryFinder {
	readonly #views: () => readonly DirectoryView[];
	readonly #now: () => Date;
	measure = $state('');
	country = $state('');
	offence = $state('');
	/** Set once the person asked (so "nothing found" is said only then). */
	asked = $state(false);

	constructor(views: () => readonly DirectoryView[], now: () => Date = systemNow) {
		this.#views = views;
		this.#now = now;
	}

	/** Whether the question is complete: a measure and a country (the offence is optional). */
	get complete(): boolean {
		return this.measure !== '' && this.country !== '';
	}

	results(language: Language): FinderResult[] {
		if (!this.complete) return [];
		return findCompetent(
			this.#views(),
			{
				measure: this.measure as Measure,
				country: this.country as CountryCode,
				...(this.offence === '' ? {} : { offence: this.offence as OffenceCode }),
			},
			this.#now(),
			language,
		);
	}
}
