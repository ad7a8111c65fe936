import { describe, expect, it } from 'vitest';
import { choicesOf, queryOf, type SearchFilters } from './search-query.ts';
import { ANA, GT_ENTRY, LUCIA, viewOf } from './testing.ts';

const none: SearchFilters = { text: '', network: '', country: '', role: '', language: '', measure: '', reachableNow: false };

describe('queryOf', () => {
	it('leaves out what is not chosen, so that nothing narrows', () => {
		expect(queryOf(none)).toEqual({});
		expect(queryOf({ ...none, text: '   ' })).toEqual({});
	});

	it('carries each chosen filter, the words trimmed', () => {
		expect(
			queryOf({
				text: ' Lucía ',
				network: 'REFCO',
				country: 'GT',
				role: 'focal-point-24-7',
				language: 'es',
				measure: 'preservation',
				reachableNow: true,
			}),
		).toEqual({
			text: 'Lucía',
			network: 'REFCO',
			country: 'GT',
			role: 'focal-point-24-7',
			language: 'es',
			measure: 'preservation',
			reachableNow: true,
		});
	});
});

describe('choicesOf', () => {
	it('offers the countries of the authorities and the languages of everyone, by primary subtag, once each, sorted', () => {
		const other = {
			...GT_ENTRY,
			authority: 'ng-ca' as typeof GT_ENTRY.authority,
			country: 'NG' as typeof GT_ENTRY.country,
			requestLanguages: ['en', 'fr'],
		};
		expect(choicesOf([viewOf('REFCO', [LUCIA, ANA]), viewOf('WACAP', [], [other])])).toEqual({
			countries: ['GT', 'NG'],
			languages: ['en', 'es', 'fr'],
		});
	});

	it('offers nothing for empty directories', () => {
		expect(choicesOf([viewOf('REFCO', [], [])])).toEqual({ countries: [], languages: [] });
	});
});
