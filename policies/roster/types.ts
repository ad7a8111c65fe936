// The shape of a network roster: which networks exist, which authorities
// belong to them, where each authority's homeserver lives and who its people
// are. Pure data; the federation policy and every deploy config derive from it.

/** A network's short code, e.g. "REFCO". */
export type NetworkId = string & { readonly __brand: 'NetworkId' };
/** An authority's stable identifier, e.g. "gt-mp" (country code, then authority). */
export type AuthorityId = string & { readonly __brand: 'AuthorityId' };
/** An ISO 3166-1 alpha-2 country code, upper case, e.g. "GT". */
export type CountryCode = string & { readonly __brand: 'CountryCode' };
/** A BCP 47 language tag among the five the product speaks. */
export type Language = 'en' | 'es' | 'fr' | 'pt' | 'ru';

export const LANGUAGES: readonly Language[] = ['en', 'es', 'fr', 'pt', 'ru'];

/** Each language named in itself, so a reader finds their own whatever the page is in now. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
	en: 'English',
	es: 'Español',
	fr: 'Français',
	pt: 'Português',
	ru: 'Русский',
};

/** What a person does for their authority (DOMAIN.md, "Roles"). */
export const ROLES = [
	'prosecutor',
	'central-authority-officer',
	'focal-point',
	'focal-point-24-7',
	'secretariat',
	'authority-administrator',
] as const;
export type Role = (typeof ROLES)[number];

export interface Network {
	readonly id: NetworkId;
	/** In English. */
	readonly name: string;
	/** In each of the five languages, as the roster file gives them (networkName picks one). */
	readonly names?: Readonly<Record<Language, string>>;
	readonly region: string;
	readonly languages: readonly Language[];
	/** The member authority whose homeserver holds the network secretariat's service account (the roster's `hosted_by`), when it is on Rogatory. */
	readonly secretariatHost?: AuthorityId;
	/** Authorities that have asked to join: they may knock on the space, and nothing else (docs/roster-updates.md). */
	readonly applicants?: readonly AuthorityId[];
}

/** A country's standing in a network. */
export interface Membership {
	readonly network: NetworkId;
	readonly status: 'member' | 'observer';
	/** ISO date (YYYY-MM-DD) the authority joined, when known. */
	readonly since?: string;
}

export interface Authority {
	readonly id: AuthorityId;
	readonly name: string;
	readonly country: CountryCode;
	/** The homeserver's production server name, e.g. "matrix.example.gt". */
	readonly homeserver: string;
	/** IANA time zone of the authority's legal seat, e.g. "America/Guatemala". */
	readonly timeZone: string;
	readonly languages: readonly Language[];
	readonly memberships: readonly Membership[];
}

/** A person listed in the roster (demo users, secretariat accounts). */
export interface Person {
	/** Matrix localpart, e.g. "ana.prosecutor". */
	readonly localpart: string;
	readonly displayName: string;
	readonly authority: AuthorityId;
	readonly roles: readonly Role[];
	readonly language: Language;
	/** For secretariat accounts: the network they run. */
	readonly secretariatOf?: NetworkId;
}

/**
 * Two authorities in different networks that cooperate directly
 * ("networking the networks"), so their homeservers federate.
 */
export interface CrossNetworkLink {
	readonly between: readonly [AuthorityId, AuthorityId];
	readonly why: string;
}

export interface Roster {
	readonly networks: readonly Network[];
	readonly authorities: readonly Authority[];
	readonly people: readonly Person[];
	readonly crossNetworkLinks: readonly CrossNetworkLink[];
}

/** The network's name in `language`, in English where the roster gives none. */
export const networkName = (network: Network, language: Language): string => network.names?.[language] ?? network.name;
