// Picking properties out of one card: all of a name, the one that may appear
// only once, and the preferred one of several (RFC 6350 §5.3: the lowest PREF,
// 1 to 100, wins; a property without PREF is least preferred; ties go to the
// first written). Every refusal names the line of the property it is about.
import type { RawCard } from './cards.ts';
import type { VcardReason } from './reasons.ts';
import type { CardRefusal, ContentLine } from './types.ts';

export interface CardReader {
	readonly refusals: readonly CardRefusal[];
	refuse(line: number, reason: VcardReason): void;
	all(name: string): readonly ContentLine[];
	/** The property that may appear once; a second one is refused. */
	single(name: string): ContentLine | undefined;
	/** The given properties ordered most preferred first. */
	byPreference(properties: readonly ContentLine[]): readonly ContentLine[];
}

export function cardReader(card: RawCard): CardReader {
	const refusals: CardRefusal[] = [];
	const refuse = (line: number, reason: VcardReason) => refusals.push({ card: card.card, line, reason });
	const all = (name: string) => card.properties.filter((p) => p.name === name);
	const pref = (property: ContentLine): number => {
		const value = property.params.get('PREF')?.[0];
		if (value === undefined) return 101;
		const n = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
		if (n >= 1 && n <= 100) return n;
		refuse(property.line, { kind: 'bad-pref', property: property.name, value });
		return 101;
	};
	return {
		refusals,
		refuse,
		all,
		single(name) {
			const [first, second] = all(name);
			if (first !== undefined && second !== undefined) refuse(second.line, { kind: 'repeated', property: name, first: first.line });
			return first;
		},
		byPreference(properties) {
			const ranked = properties.map((property, order) => ({ property, order, rank: pref(property) }));
			return ranked.sort((a, b) => a.rank - b.rank || a.order - b.order).map((r) => r.property);
		},
	};
}

/** The property's VALUE parameter, lower case, when it has one. */
export const valueType = (property: ContentLine): string | undefined => property.params.get('VALUE')?.[0]?.toLowerCase();

/** True when the property's TYPE parameter includes `type` (case-insensitive, comma lists included). */
export const hasType = (property: ContentLine, type: string): boolean =>
	(property.params.get('TYPE') ?? []).some((v) => v.toLowerCase().split(',').includes(type));
