// The roster file as read: the same at every authority of a network,
// versioned, identified by its SHA-256 (deploy/roster/load.ts). No people:
// an authority's people are in its own site's people file (people-document.ts).
import type { Language } from '../types.ts';

/** A name per language; which ones are required depends on the entry. */
export type Names = { readonly [L in Language]?: string };

export interface HomeserverEntry {
	/** The Matrix server name, as in user IDs, e.g. "matrix.mp.gt.example". */
	readonly serverName: string;
	/** Base URL of the client-server API, http(s). */
	readonly clientUrl: string;
}

export interface NetworkEntry {
	readonly id: string;
	/** In all five languages. */
	readonly names: { readonly [L in Language]: string };
	readonly region: string;
	/** Working languages, at least one. */
	readonly languages: readonly Language[];
	/**
	 * Authorities that have asked to join (docs/roster-updates.md): each may
	 * knock on the network's space, so its homeserver and the secretariat
	 * host's federate, and the space's ACL admits it; nothing else.
	 */
	readonly applicants?: readonly string[];
}

export interface MembershipEntry {
	readonly network: string;
	readonly status: 'member' | 'observer';
	/** YYYY-MM-DD, when known. */
	readonly since?: string;
}

export interface AuthorityEntry {
	readonly id: string;
	/** The official name, as the authority writes it (shown where no translation exists). */
	readonly name: string;
	/** Translations of the name, any of the five languages. */
	readonly names?: Names;
	/** ISO 3166-1 alpha-2. */
	readonly country: string;
	/** Absent: the authority is in the network but not yet on Rogatory. */
	readonly homeserver?: HomeserverEntry;
	/** IANA zone of the legal seat: deadlines under its law are counted there. */
	readonly timeZone: string;
	readonly languages: readonly Language[];
	readonly memberships: readonly MembershipEntry[];
}

/** Two authorities of different networks that cooperate directly, so their homeservers federate. */
export interface LinkEntry {
	readonly between: readonly [string, string];
	readonly why: string;
}

/** A network's secretariat: an organisation with its own homeserver, not a person on a member's server. */
export interface SecretariatEntry {
	readonly network: string;
	readonly name: string;
	readonly names?: Names;
	/** Absent: the secretariat is not yet on Rogatory. */
	readonly homeserver?: HomeserverEntry;
	/**
	 * Until it runs a homeserver of its own: the member authority whose
	 * homeserver holds the secretariat's service account (the creator of the
	 * network's rooms, docs/network-rooms.md). Every authority reads it to find
	 * the network's rooms and to know who may have created them.
	 */
	readonly hostedBy?: string;
}

export interface RosterDocument {
	/** Raised with every change; every program shows it with the file's hash. */
	readonly version: number;
	readonly networks: readonly NetworkEntry[];
	readonly authorities: readonly AuthorityEntry[];
	readonly links: readonly LinkEntry[];
	readonly secretariats: readonly SecretariatEntry[];
}
