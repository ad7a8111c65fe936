// Publishing a new roster version from the network page (issue 13,
// "Admission and removal reach every server"; docs/roster-updates.md): what
// the server's check of an uploaded roster file answers (it parses and diffs
// it against the roster the app runs: the parser stays out of the browser's
// bundle), read back as a value, and the change said as lines of words. The
// browser hashes the file's bytes (WebCrypto) and sends the announcement.
// Pure.
import type { RosterChange } from '#policies/roster-update/change.ts';

/** What the server says about an uploaded roster file. */
export type RosterCheck =
	| { readonly kind: 'next'; readonly version: number; readonly change: RosterChange }
	/** Not exactly the version after the one the app runs. */
	| { readonly kind: 'not-next'; readonly running: number; readonly uploaded: number }
	/** Not a roster: how many problems the parser found and the line of the first, when it has one. */
	| { readonly kind: 'unreadable'; readonly problems: number; readonly line?: number | undefined }
	| { readonly kind: 'too-large'; readonly max: number }
	/** The new roster no longer declares the network whose room it would be announced in. */
	| { readonly kind: 'network-dropped' }
	/** The file passes every check above but its members would still refuse it (the reason is logged on the server). */
	| { readonly kind: 'refused' };

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const strings = (v: unknown): v is readonly string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const pairs = (v: unknown): v is readonly (readonly [string, string])[] =>
	Array.isArray(v) && v.every((p) => Array.isArray(p) && p.length === 2 && strings(p));

function readChange(v: unknown): RosterChange | undefined {
	if (!isRecord(v) || !isWhole(v['from']) || !isWhole(v['to']) || !Array.isArray(v['networks']) || !strings(v['homeservers']))
		return undefined;
	const links = v['links'];
	if (!isRecord(links) || !pairs(links['added']) || !pairs(links['removed'])) return undefined;
	const networks = v['networks'].flatMap((n: unknown) =>
		isRecord(n) && typeof n['network'] === 'string' && strings(n['added']) && strings(n['removed'])
			? [{ network: n['network'], added: n['added'], removed: n['removed'] }]
			: [],
	);
	if (networks.length !== v['networks'].length) return undefined;
	return {
		from: v['from'],
		to: v['to'],
		networks,
		homeservers: v['homeservers'],
		links: { added: links['added'], removed: links['removed'] },
	};
}

/** The server's answer as a RosterCheck, or undefined when it is none (an error page, a proxy's answer). */
export function readRosterCheck(body: unknown): RosterCheck | undefined {
	if (!isRecord(body)) return undefined;
	switch (body['kind']) {
		case 'next': {
			const change = readChange(body['change']);
			return isWhole(body['version']) && change !== undefined ? { kind: 'next', version: body['version'], change } : undefined;
		}
		case 'not-next':
			return isWhole(body['running']) && isWhole(body['uploaded'])
				? { kind: 'not-next', running: body['running'], uploaded: body['uploaded'] }
				: undefined;
		case 'unreadable':
			return isWhole(body['problems'])
				? { kind: 'unreadable', problems: body['problems'], line: isWhole(body['line']) ? body['line'] : undefined }
				: undefined;
		case 'too-large':
			return isWhole(body['max']) ? { kind: 'too-large', max: body['max'] } : undefined;
		case 'network-dropped':
			return { kind: 'network-dropped' };
		case 'refused':
			return { kind: 'refused' };
		default:
			return undefined;
	}
}

/** The words each kind of change is said in (the reader's language), handed in by the component. */
export interface ChangeWords {
	added(network: string, authorities: string): string;
	removed(network: string, authorities: string): string;
	homeservers(authorities: string): string;
	linksAdded(links: string): string;
	linksRemoved(links: string): string;
	nothing(): string;
	/** A list of names in the reader's language ("A, B and C"). */
	list(names: readonly string[]): string;
	/** An authority's name from its roster id (the id itself when the running roster does not know it). */
	name(id: string): string;
	/** A link between two authorities, by their names. */
	link(a: string, b: string): string;
}

/** The change as lines of words, networks first, in the order rosterChange gives them. */
export function changeLines(change: RosterChange, words: ChangeWords): string[] {
	const names = (ids: readonly string[]) => words.list(ids.map((id) => words.name(id)));
	const links = (between: readonly (readonly [string, string])[]) =>
		words.list(between.map(([a, b]) => words.link(words.name(a), words.name(b))));
	const lines = change.networks.flatMap((n) => [
		...(n.added.length > 0 ? [words.added(n.network, names(n.added))] : []),
		...(n.removed.length > 0 ? [words.removed(n.network, names(n.removed))] : []),
	]);
	if (change.homeservers.length > 0) lines.push(words.homeservers(names(change.homeservers)));
	if (change.links.added.length > 0) lines.push(words.linksAdded(links(change.links.added)));
	if (change.links.removed.length > 0) lines.push(words.linksRemoved(links(change.links.removed)));
	return lines.length === 0 ? [words.nothing()] : lines;
}

/** Lower-case hex of a digest. */
export function hex(bytes: ArrayBuffer | Uint8Array): string {
	return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
