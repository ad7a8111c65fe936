// vCard in and out of the directory page: export the shown people as one
// .vcf file, import an editor's file all or nothing — every refused card is
// listed with its line and reason and nothing is imported; a card about
// another authority than the editor's is refused too (the directory would
// ignore it: only an authority's editors write about it). Pure but for the
// file's download link, made by the page.
import type { PersonEntry } from '#policies/directory/types.ts';
import { err, ok, type Result } from '#policies/result.ts';
import type { AuthorityId } from '#policies/roster/types.ts';
import { parseVcards, serializeVcards, type CardRefusal } from './core.ts';

export const VCARD_TYPE = 'text/vcard;charset=utf-8';

export function exportVcards(people: readonly PersonEntry[]): string {
	return serializeVcards(people);
}

/** The file name of an export: one person's name, or "directory". */
export function vcardFileName(people: readonly PersonEntry[]): string {
	const base = people.length === 1 ? (people[0]?.latinName ?? people[0]?.name ?? 'contact') : 'directory';
	const safe = base
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.toLowerCase();
	return `${safe === '' ? 'contact' : safe}.vcf`;
}

/**
 * The people of a vCard file for the editor's own authority; or every
 * refused card with its line and reason. The roster's authorities are given
 * to the parser, which refuses an ORG it does not know.
 */
export function importVcards(text: string, authorities: readonly AuthorityId[], own: AuthorityId): Result<PersonEntry[], CardRefusal[]> {
	const parsed = parseVcards(text, { authorities });
	if (!parsed.ok) return err([...parsed.error]);
	const foreign = parsed.value.filter((card) => card.entry.authority !== own);
	if (foreign.length > 0)
		return err(
			foreign.map((card) => ({
				card: card.card,
				line: card.line,
				reason: { kind: 'other-authority', authority: card.entry.authority, own },
			})),
		);
	return ok(parsed.value.map((card) => card.entry));
}
