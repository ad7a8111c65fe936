// vCard 4.0 import (issue 12, "Bulk import"): a file of cards to directory
// person entries, all or nothing. When any card is refused, nothing is taken,
// and every refused card is reported with its line and reason, so the file can
// be mended in one pass. Two cards of one authority with the same id are
// refused too: the second would silently replace the first.
import { err, ok, type Result } from '../../result.ts';
import { splitCards } from './cards.ts';
import { cardToEntry } from './entry.ts';
import type { CardRefusal, ParsedCard, VcardContext } from './types.ts';
import { unfold } from './unfold.ts';

export function parseVcards(text: string, context: VcardContext): Result<readonly ParsedCard[], readonly CardRefusal[]> {
	const split = splitCards(unfold(text));
	const refusals: CardRefusal[] = [...split.refusals];
	const parsed: ParsedCard[] = [];
	const seen = new Map<string, number>();
	for (const card of split.cards) {
		const entry = cardToEntry(card, context);
		if (!entry.ok) {
			refusals.push(...entry.error);
			continue;
		}
		const key = JSON.stringify([entry.value.authority, entry.value.id]);
		const first = seen.get(key);
		if (first !== undefined)
			refusals.push({
				card: card.card,
				line: card.line,
				reason: { kind: 'duplicate-id', first, id: entry.value.id, authority: entry.value.authority },
			});
		else seen.set(key, card.card);
		parsed.push({ card: card.card, line: card.line, entry: entry.value });
	}
	if (refusals.length === 0) return ok(parsed);
	return err(refusals.sort((a, b) => a.card - b.card || a.line - b.line));
}
