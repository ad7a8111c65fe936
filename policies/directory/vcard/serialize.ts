// vCard 4.0 export (issue 12, "Cards"): person entries to the text an address
// book imports, in the canonical form import reads back to the same entries.
// CRLF line ends; lines folded at 75 octets (RFC 6350 §3.2), counting UTF-8
// bytes and never splitting a character, a continuation line beginning with
// one space that counts towards its 75.
import type { PersonEntry } from '../types.ts';
import { cardProperties, type CardProperty } from './properties.ts';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

export function serializeVcards(entries: readonly PersonEntry[]): string {
	return entries.map(serializeVcard).join('');
}

function serializeVcard(entry: PersonEntry): string {
	const lines = ['BEGIN:VCARD', ...cardProperties(entry).map(contentLine), 'END:VCARD'];
	return lines.map((line) => fold(line) + CRLF).join('');
}

function contentLine(property: CardProperty): string {
	const params = [...(property.typed ? [['VALUE', property.type] as const] : []), ...property.params];
	return `${property.name}${params.map(([name, value]) => `;${name}=${value}`).join('')}:${property.value}`;
}

const octets = (codePoint: number): number => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/** Splits a line into pieces of at most 75 octets, the continuations prefixed with a space. */
export function fold(line: string): string {
	const pieces: string[] = [];
	let piece = '';
	let size = 0;
	for (const char of line) {
		const n = octets(char.codePointAt(0) ?? 0);
		if (size + n > MAX_OCTETS) {
			pieces.push(piece);
			piece = ' ';
			size = 1;
		}
		piece += char;
		size += n;
	}
	pieces.push(piece);
	return pieces.join(CRLF);
}
