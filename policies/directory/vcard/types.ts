// The shapes of vCard import (issue 12, "Cards" and "Bulk import"): a content
// line as read, a card as imported, and a refused card's reason with the line
// it is about, so that an editor can open the file at that line and mend it.
import type { AuthorityId } from '../../roster/types.ts';
import type { PersonEntry } from '../types.ts';
import type { VcardReason } from './reasons.ts';

/** One property of a card, unfolded: `[group "."] name *(";" param) ":" value`. */
export interface ContentLine {
	/** The physical line (1-based) of the property's first line. */
	readonly line: number;
	/** `item1` of `item1.TEL`, when there is one. */
	readonly group?: string;
	/** Upper case (names are case-insensitive, RFC 6350 §3.3). */
	readonly name: string;
	/** Parameter name (upper case) → its values, quotes removed and RFC 6868 caret escapes decoded. */
	readonly params: ReadonlyMap<string, readonly string[]>;
	/** The value as written, still escaped. */
	readonly value: string;
}

/** A card taken: its place in the file and the directory entry it gives. */
export interface ParsedCard {
	/** 1-based index of the card in the file. */
	readonly card: number;
	/** The physical line of its BEGIN:VCARD. */
	readonly line: number;
	readonly entry: PersonEntry;
}

/** Why a card is refused, and where. */
export interface CardRefusal {
	/** 1-based index of the card in the file. */
	readonly card: number;
	/** 1-based physical line in the file. */
	readonly line: number;
	/** A value: the page says it in the editor's language, reasonText in English. */
	readonly reason: VcardReason;
}

/** What the parser must know beyond the file: the authorities of the roster. */
export interface VcardContext {
	readonly authorities: readonly AuthorityId[];
}
