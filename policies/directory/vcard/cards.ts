// Splits a file's logical lines into cards, BEGIN:VCARD to END:VCARD, and
// refuses what does not fit that frame: text outside a card, a BEGIN inside a
// card (vCard 4.0 cards do not nest; usually a lost END), a card never ended,
// and lines that are not properties. Each card keeps its own refusals, so one
// broken card does not hide what is wrong with the others.
import { parseContentLine } from './content-line.ts';
import type { VcardReason } from './reasons.ts';
import type { CardRefusal, ContentLine } from './types.ts';
import type { LogicalLine } from './unfold.ts';

export interface RawCard {
	/** 1-based index in the file. */
	readonly card: number;
	/** The physical line of its BEGIN. */
	readonly line: number;
	readonly properties: readonly ContentLine[];
}

export interface SplitCards {
	readonly cards: readonly RawCard[];
	readonly refusals: readonly CardRefusal[];
}

export function splitCards(lines: readonly LogicalLine[]): SplitCards {
	const cards: RawCard[] = [];
	const refusals: CardRefusal[] = [];
	let open: { card: number; line: number; properties: ContentLine[] } | undefined;
	let outsideReported = false;
	const refuse = (card: number, line: number, reason: VcardReason) => refusals.push({ card, line, reason });
	const begin = (line: LogicalLine, value: string): { card: number; line: number; properties: ContentLine[] } => {
		const card = cards.length + 1;
		if (value.trim().toUpperCase() !== 'VCARD') refuse(card, line.line, { kind: 'begin-not-vcard', value });
		return { card, line: line.line, properties: [] };
	};
	for (const line of lines) {
		const parsed = parseContentLine(line.text, line.line);
		const property = parsed.ok ? parsed.value : undefined;
		if (open === undefined) {
			if (property?.name === 'BEGIN') {
				open = begin(line, property.value);
				outsideReported = false;
			} else if (!outsideReported) {
				const where = cards.length === 0 ? 'before' : 'after';
				refuse(Math.max(cards.length, 1), line.line, { kind: 'outside', where, text: clip(line.text) });
				outsideReported = true;
			}
			continue;
		}
		if (!parsed.ok) {
			refuse(open.card, line.line, parsed.error);
		} else if (parsed.value.name === 'BEGIN') {
			refuse(open.card, line.line, { kind: 'nested', value: parsed.value.value, began: open.line });
			cards.push(open);
			open = begin(line, parsed.value.value);
		} else if (parsed.value.name === 'END') {
			if (parsed.value.value.trim().toUpperCase() !== 'VCARD')
				refuse(open.card, line.line, { kind: 'end-not-vcard', value: parsed.value.value });
			cards.push(open);
			open = undefined;
		} else {
			open.properties.push(parsed.value);
		}
	}
	if (open !== undefined) {
		refuse(open.card, open.line, { kind: 'no-end' });
		cards.push(open);
	}
	return { cards, refusals };
}

const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);
