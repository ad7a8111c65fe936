// The network's picture (network-picture.ts) as files a secretariat keeps or
// opens in a spreadsheet: JSON (the picture itself, keys in a fixed order)
// and CSV in RFC 4180's shape (CRLF, every text cell quoted, numbers bare).
// Deterministic: the same picture gives the same bytes.
// NOTE: no formula neutralising is needed here (bridge/register/csv.ts does
// it for free text): every text cell is a code the reader checked against a
// grammar that starts with a letter or a digit — an authority, network,
// kind, status, country, side or measure — never text a person wrote.
import type { NetworkPicture, SidePicture } from './network-picture.ts';

const CRLF = '\r\n';
const cell = (value: string | number): string => (typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`);
const line = (cells: readonly (string | number)[]): string => cells.map(cell).join(',') + CRLF;

/** The picture as JSON, tab-indented, with a final newline. */
export function pictureJson(picture: NetworkPicture): string {
	return JSON.stringify(picture, null, '\t') + '\n';
}

function sideLines(side: 'sent' | 'received', p: SidePicture): string[] {
	const rows: [string, string, number][] = [['requests', '', p.total]];
	for (const [k, v] of Object.entries(p.byKind)) rows.push(['by-kind', k, v]);
	for (const [k, v] of Object.entries(p.byStatus)) rows.push(['by-status', k, v]);
	for (const [k, v] of Object.entries(p.byCounterpartCountry)) rows.push(['by-counterpart-country', k, v]);
	for (const [k, v] of Object.entries(p.medianDaysPerStage)) {
		rows.push(['weighted-median-days', k, v.weightedMedianDays]);
		rows.push(['stays', k, v.stays]);
	}
	rows.push(['preservations-on-time', '', p.preservations.onTime], ['preservations-lapsed', '', p.preservations.lapsed]);
	return rows.map(([measure, key, value]) => line([side, measure, key, value]));
}

/** One row per figure: side (sent, received), measure, key (the kind, status, country or stage; empty for a total), value. */
export function pictureCsv(picture: NetworkPicture): string {
	return [line(['side', 'measure', 'key', 'value']), ...sideLines('sent', picture.sent), ...sideLines('received', picture.received)].join(
		'',
	);
}

/** One row per authority counted: its latest payload's dates and totals. */
export function pictureAuthoritiesCsv(picture: NetworkPicture): string {
	return [
		line(['network', 'authority', 'as_of', 'at', 'sent', 'received']),
		...picture.authorities.map((a) => line([picture.network, a.authority, a.asOf, a.at, a.sent, a.received])),
	].join('');
}
