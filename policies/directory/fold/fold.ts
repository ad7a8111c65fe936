// The directory fold: a directory room's events in any order → what a reader
// sees of the network's directory. The trust chain (docs/directory.md, "Who
// may write about an authority") starts at the roster: the roster names X's
// homeserver, so X's bridge; only X's bridge names X's editors; only X's
// bridge and those editors write X's entries. Per entry the latest `updated`
// stamp wins. It never throws: what it cannot take is listed in `ignored`
// with its sender and a reason that is a value (types.ts, IgnoredReason),
// which each reader words in its own language.
import { serverNameOf } from '../../cases/ids/matrix.ts';
import { bridgeUserId } from '../../roster/bridge.ts';
import type { AuthorityId, NetworkId, Roster } from '../../roster/types.ts';
import type { TrustVerdict } from '../../trust/verdict.ts';
import { parseDirectoryContent } from '../events/parse.ts';
import type { DirectoryPayload, DirectoryView, IgnoredEvent, IgnoredReason } from '../types.ts';
import { sortDepartures, type MembershipFact } from './departures.ts';
import { withContact } from './contacts.ts';
import { authorityOf, counted, latestBy, personKey, type Counted } from './order.ts';
import { changesNothing, type HeldEntries, type UntrustedEvent } from './untrusted.ts';

/** One event of the directory room as the fold receives it: decrypted content and the trust rule's verdict. */
export interface DirectoryArrival {
	readonly eventId: string;
	readonly sender: string;
	readonly content: unknown;
	readonly verdict: TrustVerdict;
}

export interface DirectoryFoldInput {
	readonly network: NetworkId;
	readonly roster: Roster;
	/** The homeserver (server name as in user IDs) of an authority, from the roster; undefined when it has none. */
	readonly serverOf: (authority: AuthorityId) => string | undefined;
	readonly events: readonly DirectoryArrival[];
	/** The directory room's memberships as the reader's client holds them, oldest first (fold/departures.ts); none: no one is known to have left. */
	readonly memberships?: readonly MembershipFact[];
	/**
	 * The events of the network's 24/7 room (docs/directory.md, "Contact details
	 * for 24/7 points only") when the reader is in it; undefined when not, and
	 * then the people who keep their phone and e-mail for the 24/7 points show none.
	 */
	readonly points247?: readonly DirectoryArrival[];
}

type Payload<T extends DirectoryPayload['type']> = Extract<DirectoryPayload, { type: T }>;

const isType =
	<T extends DirectoryPayload['type']>(...types: T[]) =>
	(c: Counted): c is Counted<Payload<T>> =>
		(types as string[]).includes(c.payload.type);

/** The arrivals once each, in event-ID order. */
function distinct(events: readonly DirectoryArrival[]): DirectoryArrival[] {
	// NOTE: a homeserver gives each event one ID; the same ID twice is the same
	// event handed over twice (a re-sync), so the first copy is enough.
	const seen = new Set<string>();
	const sorted = [...events].sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0));
	return sorted.filter((e) => !seen.has(e.eventId) && seen.add(e.eventId));
}

/**
 * Trust, grammar and roster checks: what an event must pass whoever sent it;
 * then the room: `contact` payloads only in the 24/7 room, nothing else there.
 */
function admit(
	input: DirectoryFoldInput,
	events: readonly DirectoryArrival[],
	room: 'directory' | 'points247',
	ignore: (e: DirectoryArrival, reason: IgnoredReason) => void,
): { admitted: Counted[]; untrusted: Untrusted[] } {
	const members = new Set(
		input.roster.authorities.filter((a) => a.memberships.some((m) => m.network === input.network)).map((a) => a.id as string),
	);
	const admitted: Counted[] = [];
	const untrusted: Untrusted[] = [];
	for (const e of distinct(events)) {
		const parsed = parseDirectoryContent(e.content);
		const about = parsed.ok ? { authority: authorityOf(parsed.value) } : {};
		if (!e.verdict.counts)
			untrusted.push({
				eventId: e.eventId,
				sender: e.sender,
				payload: parsed.ok ? parsed.value : undefined,
				reason: { kind: 'untrusted', code: e.verdict.code, ...about },
			});
		else if (!parsed.ok) ignore(e, { kind: 'malformed', detail: parsed.error });
		else if (!members.has(authorityOf(parsed.value)))
			ignore(e, { kind: 'outside-network', authority: authorityOf(parsed.value), network: input.network });
		else if (input.serverOf(authorityOf(parsed.value)) === undefined)
			ignore(e, { kind: 'no-homeserver', authority: authorityOf(parsed.value) });
		else if ((parsed.value.type === 'contact') !== (room === 'points247'))
			ignore(e, { kind: 'wrong-room', authority: authorityOf(parsed.value) });
		else admitted.push(counted(e.eventId, e.sender, parsed.value));
	}
	return { admitted, untrusted };
}

/** An event the trust rule refused, listed or not once the fold knows what holds (untrusted.ts). */
interface Untrusted extends UntrustedEvent {
	readonly eventId: string;
	readonly reason: IgnoredReason;
}

/** Folds a directory room's events into the network's directory as this reader sees it. */
export function foldDirectory(input: DirectoryFoldInput): DirectoryView {
	const ignored: IgnoredEvent[] = [];
	const ignore = (e: { eventId: string; sender: string }, reason: IgnoredReason) =>
		ignored.push({ eventId: e.eventId, sender: e.sender, reason });
	const points = admit(input, input.points247 ?? [], 'points247', ignore);
	const room = admit(input, input.events, 'directory', ignore);
	const contactEvents = points.admitted;
	const admitted = room.admitted;
	const serverOf = (c: Counted) => input.serverOf(authorityOf(c.payload)) ?? '';
	const bridgeOf = (c: Counted) => bridgeUserId(serverOf(c));

	const editorEvents = admitted.filter(isType('editors')).filter((c) => {
		const X = c.payload.authority;
		if (c.sender !== bridgeOf(c)) {
			ignore(c, { kind: 'not-bridge', authority: X, bridge: bridgeOf(c) });
			return false;
		}
		const stranger = c.payload.editors.find((user) => serverNameOf(user) !== serverOf(c));
		if (stranger !== undefined) ignore(c, { kind: 'editor-elsewhere', authority: X, editor: stranger, server: serverOf(c) });
		return stranger === undefined;
	});
	const editors = latestBy(editorEvents, (c) => c.payload.authority);
	// NOTE: only the bridge's `editors` events carry a roster: which roster the
	// bridge runs is the bridge's to say, never an editor's (docs/directory.md,
	// "Roster versions"). The latest that states one, so that a bridge started
	// again on an older build does not blank it.
	const rosters = latestBy(
		editorEvents.filter((c) => c.payload.roster !== undefined),
		(c) => c.payload.authority,
	);

	const entries = [...admitted.filter(isType('authority', 'person', 'removed')), ...contactEvents].filter((c) => {
		const X = authorityOf(c.payload);
		if (c.sender === bridgeOf(c) || editors.get(X)?.payload.editors.includes(c.sender) === true) return true;
		ignore(c, { kind: 'not-editor', authority: X });
		return false;
	});
	const authorities = latestBy(entries.filter(isType('authority')), (c) => c.payload.entry.authority);
	const people = latestBy(entries.filter(isType('person', 'removed')), (c) =>
		c.payload.type === 'person'
			? personKey(c.payload.entry.authority, c.payload.entry.id)
			: personKey(c.payload.authority, c.payload.person),
	);
	const contacts = latestBy(entries.filter(isType('contact')), (c) => personKey(c.payload.authority, c.payload.person));
	const held: HeldEntries = {
		bridgeOf: (authority) => bridgeUserId(input.serverOf(authority) ?? ''),
		editorsOf: (authority) => editors.get(authority)?.payload.editors ?? [],
		currentFor: (p) =>
			p.type === 'editors'
				? editors.get(p.authority)
				: p.type === 'authority'
					? authorities.get(p.entry.authority)
					: p.type === 'contact'
						? contacts.get(personKey(p.authority, p.person))
						: people.get(p.type === 'person' ? personKey(p.entry.authority, p.entry.id) : personKey(p.authority, p.person)),
	};
	for (const u of [...points.untrusted, ...room.untrusted]) if (!changesNothing(u, held)) ignore(u, u.reason);

	const byKey = <T>(map: Map<string, T>): T[] => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
	const sorted = sortDepartures(
		byKey(people).map((c) => c.payload),
		input.memberships ?? [],
	);
	return {
		network: input.network,
		authorities: byKey(authorities).map((c) => ({ entry: c.payload.entry, updated: c.payload.updated })),
		people: sorted.people.map((p) => withContact(p, contacts.get(personKey(p.entry.authority, p.entry.id))?.payload)),
		departed: sorted.departed,
		editors: Object.fromEntries(byKey(editors).map((c) => [c.payload.authority, c.payload.editors])),
		rosters: Object.fromEntries(
			byKey(rosters).flatMap((c) =>
				c.payload.roster === undefined ? [] : [[c.payload.authority, { roster: c.payload.roster, updated: c.payload.updated }]],
			),
		),
		ignored: ignored.sort((a, b) => (a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0)),
		points247: input.points247 !== undefined,
	};
}
