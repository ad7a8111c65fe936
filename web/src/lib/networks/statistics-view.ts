// What the secretariat's dashboard shows of its reports rooms (issue 13,
// acceptance 5; docs/secretariat-reports.md): from the reports the browser
// took under the trust rule (policies/reports readReports), the network's
// picture (networkPicture), each authority's latest report — statistics and
// witnessed head — the bars of each count table, the files it hands out
// (picture CSV and JSON, each authority's witnessed heads for
// `verify --witness`) and the events set aside with their reasons. Pure: the
// SDK side reads and decrypts, this shapes; no clock, no I/O.
import {
	networkPicture,
	pictureAuthoritiesCsv,
	pictureCsv,
	pictureJson,
	witnessFileText,
	type NetworkPicture,
	type ReportsReading,
	type WitnessHead,
} from '#policies/reports/index.ts';
import type { AuthorityId, NetworkId } from '#policies/roster/types.ts';

/** One bar of a chart: the count, and its share of the largest bar (0–100) for drawing only; the count is the figure. */
export interface Bar {
	readonly key: string;
	readonly value: number;
	readonly percent: number;
}

/** A count table's rows, largest first (then by key, so the order is stable), each with its bar. */
export function barsOf(counts: Readonly<Record<string, number>>): Bar[] {
	const entries = Object.entries(counts).sort(([ka, a], [kb, b]) => b - a || (ka < kb ? -1 : ka > kb ? 1 : 0));
	const top = entries.reduce((m, [, v]) => Math.max(m, v), 0);
	return entries.map(([key, value]) => ({ key, value, percent: top === 0 ? 0 : Math.round((value / top) * 1000) / 10 }));
}

/** What the dashboard says of one authority: its latest statistics and its latest witnessed head. */
export interface AuthorityReport {
	readonly authority: AuthorityId;
	/** The latest statistics counted (networkPicture's choice), if any. */
	readonly stats?: { readonly asOf: string; readonly at: string; readonly sent: number; readonly received: number };
	/** Its heads taken, and the latest (highest seq, then latest time). */
	readonly heads: number;
	readonly latestHead?: { readonly seq: number; readonly at: string };
}

export interface SetAside {
	readonly eventId: string;
	readonly reason: string;
}

export interface StatisticsView {
	readonly picture: NetworkPicture;
	/** Every authority with a report taken, by id. */
	readonly authorities: readonly AuthorityReport[];
	/** Events not taken (not decrypted, not trusted, not a report, not from the authority's bridge…), with why. */
	readonly setAside: readonly SetAside[];
}

function latestHead(heads: readonly WitnessHead[]): WitnessHead | undefined {
	let best: WitnessHead | undefined;
	for (const h of heads) if (best === undefined || h.seq > best.seq || (h.seq === best.seq && h.at > best.at)) best = h;
	return best;
}

/** The dashboard's view of `reading` for `network`. */
export function statisticsView(reading: ReportsReading, network: NetworkId): StatisticsView {
	const picture = networkPicture(reading.stats, network);
	const ids = new Set<AuthorityId>([...picture.authorities.map((a) => a.authority), ...reading.heads.map((h) => h.authority)]);
	const authorities = [...ids].sort().map((authority): AuthorityReport => {
		const line = picture.authorities.find((a) => a.authority === authority);
		const heads = reading.heads.filter((h) => h.authority === authority);
		const head = latestHead(heads);
		return {
			authority,
			...(line === undefined ? {} : { stats: { asOf: line.asOf, at: line.at, sent: line.sent, received: line.received } }),
			heads: heads.length,
			...(head === undefined ? {} : { latestHead: { seq: head.seq, at: head.at } }),
		};
	});
	return { picture, authorities, setAside: reading.ignored.map((i) => ({ eventId: i.eventId, reason: i.reason })) };
}

/** A file the dashboard hands out: its name, media type and text. */
export interface DashboardFile {
	readonly filename: string;
	readonly mediaType: string;
	readonly text: string;
}

const slug = (network: NetworkId): string => network.toLowerCase();

/** The picture as JSON (picture-export.ts). */
export function pictureJsonFile(picture: NetworkPicture): DashboardFile {
	return { filename: `${slug(picture.network)}-statistics.json`, mediaType: 'application/json', text: pictureJson(picture) };
}

/** The picture's figures as CSV: side, measure, key, value (picture-export.ts). */
export function pictureCsvFile(picture: NetworkPicture): DashboardFile {
	return { filename: `${slug(picture.network)}-statistics.csv`, mediaType: 'text/csv', text: pictureCsv(picture) };
}

/** The authorities counted, with their latest report's dates and totals, as CSV (a table of its own: RFC 4180 wants one shape per file). */
export function authoritiesCsvFile(picture: NetworkPicture): DashboardFile {
	return { filename: `${slug(picture.network)}-statistics-authorities.csv`, mediaType: 'text/csv', text: pictureAuthoritiesCsv(picture) };
}

/** One authority's witnessed heads, the file `verify --witness` reads (only heads its own bridge sent: readReports kept no other). */
export function witnessFile(network: NetworkId, authority: AuthorityId, heads: readonly WitnessHead[]): DashboardFile {
	return {
		filename: `${slug(network)}-witnessed-heads-${authority}.json`,
		mediaType: 'application/json',
		text: witnessFileText(heads.filter((h) => h.authority === authority)),
	};
}
