// A translated sentence that names text from another party ("Reason: {reason}",
// "{who}, {when}") as parts, so that the party's text can be rendered in its
// own isolate (<bdi>, PartySentence.svelte) inside the sentence: a message
// function returns one string, and a string cannot hold an element. The
// message is rendered with private-use tokens in place of the party's values
// and split at them; the party's values never pass through the message
// function, so nothing in them can be taken for a token. The page's own
// values (dates, labels) are passed through as they are.

export type SentencePart = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'party'; readonly text: string };

const TOKEN = /\uE000(\d+)\uE001/;

export type Inputs<I> = { readonly [K in keyof I]?: string };

export function sentenceParts<I extends object>(message: (inputs: I) => string, party: Inputs<I>, own: Inputs<I> = {}): SentencePart[] {
	const entries = Object.entries(party).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
	const slots = Object.fromEntries(entries.map(([key], i) => [key, `\uE000${i}\uE001`]));
	const pieces = message({ ...own, ...slots } as I).split(TOKEN);
	const parts: SentencePart[] = [];
	pieces.forEach((piece, i) => {
		if (i % 2 === 0) {
			if (piece !== '') parts.push({ kind: 'text', text: piece });
		} else {
			const value = entries[Number(piece)]?.[1];
			if (value !== undefined) parts.push({ kind: 'party', text: value });
		}
	});
	return parts;
}
