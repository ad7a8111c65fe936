// Reading an export back: the fields of a CSV file as RFC 4180 reads them,
// and a text cell's original text from what csv.ts wrote (undoing rule 2, then
// rule 3). For auditors who need the exact text of a cell, and for the tests
// that prove the export loses nothing. docs/decisions.md says the same in words.
import { BOUNDARY, MARKER, NEUTRALISER, SKIPPED } from './csv.ts';

/** Undoes rule 2: drops the apostrophe found, after white space, quotes and format characters, where a cell can begin. */
export function unneutralise(text: string): string {
	let out = '';
	let atStart = true;
	for (const char of text) {
		if (atStart && !SKIPPED.test(char)) {
			atStart = false;
			if (char === NEUTRALISER) continue;
		}
		if (BOUNDARY.test(char)) atStart = true;
		out += char;
	}
	return out;
}

/** Undoes rule 3: a marked cell loses its marker and gets its characters back from `<U+XXXX>`. */
export function unmark(text: string): string {
	if (!text.startsWith(MARKER)) return text;
	return text.slice(MARKER.length).replace(/<U\+([0-9A-F]{4,6})>/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

/** The text a text cell held in the register, from the cell's content as read from the file. */
export const originalText = (cell: string): string => unmark(unneutralise(cell));

/** A CSV document's records as lists of raw fields (quotes removed, `""` read as `"`), RFC 4180. */
export function readCsv(document: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < document.length; i++) {
		const char = document[i];
		if (quoted) {
			if (char !== '"') field += char;
			else if (document[i + 1] === '"') {
				field += '"';
				i += 1;
			} else quoted = false;
		} else if (char === '"') quoted = true;
		else if (char === ',') {
			record.push(field);
			field = '';
		} else if (char === '\r' && document[i + 1] === '\n') {
			record.push(field);
			records.push(record);
			record = [];
			field = '';
			i += 1;
		} else field += char;
	}
	if (field !== '' || record.length > 0) records.push([...record, field]);
	return records;
}
