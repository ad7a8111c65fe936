// CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field quoted
// when it holds a comma, a quote, CR or LF, quotes doubled inside. Text cells
// that a spreadsheet would run as a formula (starting with = + - @ tab or CR)
// get a leading apostrophe first (OWASP, "CSV Injection"): case titles and
// reasons come from other authorities and must not execute on an officer's
// machine when the export is opened.
export type Cell = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
	if (value === null) return '';
	if (typeof value !== 'string') return String(value);
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
