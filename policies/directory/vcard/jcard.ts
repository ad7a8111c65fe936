// jCard (RFC 7095): the same cards as JSON, for programs that would rather not
// read vCard text. `["vcard", [[name, params, type, value], …]]` per card, the
// names and parameter names in lower case, the properties those of the
// canonical vCard (properties.ts) — what `rogatory directory check` prints.
import type { PersonEntry } from '../types.ts';
import { cardProperties } from './properties.ts';

export type JcardProperty = readonly [name: string, params: Readonly<Record<string, string>>, type: string, value: string];
export type Jcard = readonly ['vcard', readonly JcardProperty[]];

export function toJcard(cards: readonly { readonly entry: PersonEntry }[]): Jcard[] {
	return cards.map(({ entry }) => [
		'vcard',
		cardProperties(entry).map((p): JcardProperty => [
			p.name.toLowerCase(),
			Object.fromEntries(p.params.map(([k, v]) => [k.toLowerCase(), v])),
			p.type,
			p.json,
		]),
	]);
}
