// Text helpers for the directory's readers: the text an authority wrote in the
// reader's language (or its first one), language tags that answer each other
// ("es" and "es-GT"), and a form of names for search that ignores case and
// accents ("Lopez" finds "López").
import type { Texts } from '../types.ts';

const lower = (tag: string): string => tag.toLowerCase();

/** Whether a language tag answers a wanted one: the same, or one a region (or script) of the other ("es" ~ "es-GT"). */
export function languageMatches(tag: string, wanted: string): boolean {
	const a = lower(tag);
	const b = lower(wanted);
	return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

/** Whether any of `tags` answers `wanted`. */
export const speaks = (tags: readonly string[], wanted: string): boolean => tags.some((tag) => languageMatches(tag, wanted));

/**
 * The text in `language`: the same tag, else one that answers it ("es-GT" for
 * "es"), else the first written. `language` is the tag of the text returned,
 * for the page's `lang` attribute; both are "" for no text at all.
 */
export function pickText(texts: Texts, language: string): { readonly text: string; readonly language: string } {
	const tags = Object.keys(texts);
	const tag = tags.find((t) => lower(t) === lower(language)) ?? tags.find((t) => languageMatches(t, language)) ?? tags[0];
	return tag === undefined ? { text: '', language: '' } : { text: texts[tag] ?? '', language: tag };
}

/** Lower case, accents and other combining marks removed, spaces collapsed: "  Lucía  RAMÍREZ" → "lucia ramirez". */
export function foldForSearch(value: string): string {
	return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether every word of `query` occurs in one of `fields` (folded here). */
export function matchesText(query: string, fields: readonly string[]): boolean {
	const words = foldForSearch(query)
		.split(' ')
		.filter((w) => w.length > 0);
	const haystack = fields.map(foldForSearch).join('\n');
	return words.every((w) => haystack.includes(w));
}

/** Names compared the same way on every reader's machine. */
export const NAME_ORDER = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
