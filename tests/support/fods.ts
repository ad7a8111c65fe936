// Reading a flat ODF spreadsheet (.fods, as LibreOffice saves one) just far
// enough for the tests: each sheet's rows of cells, with each cell's formula
// (if it is one), value type and text. Regular expressions over LibreOffice's
// own output, not a general ODF reader.

export interface FodsCell {
	/** The cell's formula as saved (e.g. "of:=1+1"), when the cell is a formula. */
	readonly formula: string | undefined;
	/** office:value-type: string, float, date, boolean…; undefined for an empty cell. */
	readonly type: string | undefined;
	/** The text shown, paragraphs joined by LF. */
	readonly text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(xml: string): string {
	return xml.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) => {
		if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
		if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
		return ENTITIES[name] ?? whole;
	});
}

const attribute = (attributes: string, name: string): string | undefined => {
	const match = new RegExp(`\\b${name}="([^"]*)"`).exec(attributes);
	return match?.[1] === undefined ? undefined : decode(match[1]);
};

function paragraphText(xml: string): string {
	const spaced = xml
		.replace(/<text:s\s*\/>/g, ' ')
		.replace(/<text:s\s+text:c="(\d+)"\s*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
		.replace(/<text:tab\s*\/>/g, '\t')
		.replace(/<text:line-break\s*\/>/g, '\n')
		.replace(/<[^>]+>/g, '');
	return decode(spaced);
}

function cellText(inner: string): string {
	return [...inner.matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((p) => paragraphText(p[1] ?? '')).join('\n');
}

/** Every row of every sheet, each as its cells (repeated cells expanded). */
export function fodsRows(xml: string): FodsCell[][] {
	const rows: FodsCell[][] = [];
	for (const row of xml.matchAll(/<table:table-row\b[^>]*?(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
		const cells: FodsCell[] = [];
		for (const cell of (row[1] ?? '').matchAll(
			/<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
		)) {
			const attributes = cell[1] ?? '';
			const parsed: FodsCell = {
				formula: attribute(attributes, 'table:formula'),
				type: attribute(attributes, 'office:value-type'),
				text: cellText(cell[2] ?? ''),
			};
			const repeated = Number(attribute(attributes, 'table:number-columns-repeated') ?? '1');
			for (let i = 0; i < Math.min(repeated, 1024); i++) cells.push(parsed);
		}
		rows.push(cells);
	}
	return rows;
}

/** The formula cells of a document, with their formulas. */
export const formulas = (xml: string): string[] =>
	fodsRows(xml)
		.flat()
		.flatMap((cell) => (cell.formula === undefined ? [] : [cell.formula]));
