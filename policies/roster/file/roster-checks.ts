// Checks across the roster's entries, once each entry has its right shape:
// no id or server name used twice, every membership in a declared network,
// every link between two existing authorities of different networks, one
// secretariat per network. Each problem names the later of two clashing
// entries, with the line of the first.
import type { Problem } from './read.ts';
import type { RosterDocument } from './roster-document.ts';

type Lines = ReadonlyMap<string, number>;

class Found {
	readonly problems: Problem[] = [];
	readonly #lines: Lines;
	constructor(lines: Lines) {
		this.#lines = lines;
	}
	line(path: string): number {
		return this.#lines.get(path) ?? 1;
	}
	add(path: string, message: string): void {
		this.problems.push({ path, line: this.line(path), message });
	}
	/** Reports each value met a second time at `path(i)`. */
	unique(values: readonly (string | undefined)[], path: (i: number) => string, what: string): void {
		const first = new Map<string, number>();
		values.forEach((value, i) => {
			if (value === undefined) return;
			const earlier = first.get(value);
			if (earlier === undefined) first.set(value, i);
			else this.add(path(i), `${what} "${value}" is already used at ${path(earlier)} (line ${this.line(path(earlier))}).`);
		});
	}
}

function checkNetworks(roster: RosterDocument, found: Found): void {
	found.unique(
		roster.networks.map((n) => n.id),
		(i) => `networks[${i}].id`,
		'the network id',
	);
	roster.networks.forEach((network, i) => {
		if (!roster.secretariats.some((s) => s.network === network.id))
			found.add(`networks[${i}]`, `the network ${network.id} has no entry in secretariats; every network has one.`);
		checkApplicants(roster, network.id, network.applicants ?? [], `networks[${i}].applicants`, found);
	});
}

/** An applicant is an authority on Rogatory, not yet in the network, which has a hosted secretariat to knock on. */
function checkApplicants(roster: RosterDocument, network: string, applicants: readonly string[], path: string, found: Found): void {
	if (applicants.length > 0 && roster.secretariats.find((s) => s.network === network)?.hostedBy === undefined)
		found.add(path, `${network}'s secretariat has no hosted_by, so there is no space to knock on; remove the applicants or add the host.`);
	applicants.forEach((id, j) => {
		const authority = roster.authorities.find((a) => a.id === id);
		if (authority === undefined) found.add(`${path}[${j}]`, `"${id}" is not an authority declared under authorities.`);
		else if (authority.memberships.some((m) => m.network === network))
			found.add(`${path}[${j}]`, `${id} is already in ${network}; take it out of the applicants.`);
		else if (authority.homeserver === undefined) found.add(`${path}[${j}]`, `${id} has no homeserver yet, so it cannot knock.`);
	});
	found.unique(applicants, (j) => `${path}[${j}]`, 'the applicant');
}

function checkAuthorities(roster: RosterDocument, found: Found): void {
	const networks = new Set(roster.networks.map((n) => n.id));
	found.unique(
		roster.authorities.map((a) => a.id),
		(i) => `authorities[${i}].id`,
		'the authority id',
	);
	const applying = new Set(roster.networks.flatMap((n) => n.applicants ?? []));
	roster.authorities.forEach((authority, i) => {
		if (authority.memberships.length === 0 && !applying.has(authority.id))
			found.add(`authorities[${i}].memberships`, 'An authority belongs to at least one network, or is an applicant to one.');
		authority.memberships.forEach((m, j) => {
			if (!networks.has(m.network))
				found.add(`authorities[${i}].memberships[${j}].network`, `"${m.network}" is not a network declared under networks.`);
		});
		found.unique(
			authority.memberships.map((m) => m.network),
			(j) => `authorities[${i}].memberships[${j}].network`,
			'a membership of the network',
		);
	});
}

function checkServerNames(roster: RosterDocument, found: Found): void {
	const servers = [
		...roster.authorities.map((a, i) => ({ name: a.homeserver?.serverName, path: `authorities[${i}].homeserver.server_name` })),
		...roster.secretariats.map((s, i) => ({ name: s.homeserver?.serverName, path: `secretariats[${i}].homeserver.server_name` })),
	];
	// NOTE: DNS names are case-insensitive, so "Matrix.MP.gt" and "matrix.mp.gt" are one server.
	found.unique(
		servers.map((s) => s.name?.toLowerCase()),
		(i) => servers[i]?.path ?? '',
		'the homeserver',
	);
}

function checkLinks(roster: RosterDocument, found: Found): void {
	const byId = new Map(roster.authorities.map((a) => [a.id, a]));
	roster.links.forEach((link, i) => {
		const [a, b] = link.between.map((id) => byId.get(id));
		link.between.forEach((id, j) => {
			if (!byId.has(id)) found.add(`links[${i}].between[${j}]`, `"${id}" is not an authority of this roster.`);
		});
		if (link.between[0] === link.between[1]) return found.add(`links[${i}].between`, 'an authority cannot be linked to itself.');
		if (a === undefined || b === undefined) return;
		const shared = a.memberships.find((m) => b.memberships.some((n) => n.network === m.network));
		if (shared !== undefined)
			found.add(
				`links[${i}].between`,
				`${a.id} and ${b.id} are both in ${shared.network}, so they federate already; a link is for authorities of different networks.`,
			);
	});
	found.unique(
		roster.links.map((l) => [...l.between].sort().join(' and ')),
		(i) => `links[${i}].between`,
		'the link between',
	);
}

function checkSecretariats(roster: RosterDocument, found: Found): void {
	const networks = new Set(roster.networks.map((n) => n.id));
	roster.secretariats.forEach((s, i) => {
		if (!networks.has(s.network)) found.add(`secretariats[${i}].network`, `"${s.network}" is not a network declared under networks.`);
		if (s.hostedBy !== undefined)
			checkHost(roster, s.network, s.hostedBy, s.homeserver !== undefined, `secretariats[${i}].hosted_by`, found);
	});
	found.unique(
		roster.secretariats.map((s) => s.network),
		(i) => `secretariats[${i}].network`,
		'a secretariat of the network',
	);
}

/** A secretariat's host is a member of its network with a homeserver, and the secretariat has none of its own. */
function checkHost(roster: RosterDocument, network: string, host: string, ownServer: boolean, path: string, found: Found): void {
	const authority = roster.authorities.find((a) => a.id === host);
	if (ownServer) found.add(path, `the secretariat of ${network} has a homeserver of its own; remove hosted_by or the homeserver.`);
	else if (authority === undefined) found.add(path, `"${host}" is not an authority declared under authorities.`);
	else if (!authority.memberships.some((m) => m.network === network && m.status === 'member'))
		found.add(path, `${host} is not a member of ${network}; a secretariat is hosted by one of its network's members.`);
	else if (authority.homeserver === undefined)
		found.add(path, `${host} has no homeserver yet, so it cannot host the secretariat of ${network}.`);
}

/** Every problem across entries; none for a consistent roster. */
export function checkRoster(roster: RosterDocument, lines: Lines): Problem[] {
	const found = new Found(lines);
	checkNetworks(roster, found);
	checkAuthorities(roster, found);
	checkServerNames(roster, found);
	checkLinks(roster, found);
	checkSecretariats(roster, found);
	return found.problems;
}
