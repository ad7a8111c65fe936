// The shapes of a network directory (issue 12; docs/directory.md): what an
// authority entry and a person entry hold, and the payloads of the directory
// events that carry them. These are the parsed, trusted shapes; the parser
// (events/parse.ts) turns raw event content into them. Pure data.
import type { OffenceCode } from '../cases/ids/codes.ts';
import type { AuthorityId, CountryCode, NetworkId } from '../roster/types.ts';
import type { TrustCode } from '../trust/verdict.ts';

/** What kind of body an authority is. */
export const AUTHORITY_KINDS = ['central-authority', 'prosecution-service', 'ministry-of-justice', 'court', 'police', 'other'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** The measures an authority may handle (UNODC directory; Budapest arts. 29–35; UNTOC arts. 16, 18). */
export const MEASURES = [
	'preservation',
	'subscriber-data',
	'traffic-data',
	'content-data',
	'search-and-seizure',
	'video-hearing',
	'witness-statement',
	'service-of-documents',
	'asset-freezing',
	'confiscation',
	'extradition',
	'transfer-of-proceedings',
	'joint-investigation',
] as const;
export type Measure = (typeof MEASURES)[number];

/** What a person does, as the directory shows it (a subset of the roster's roles, DOMAIN.md "Roles"). */
export const DIRECTORY_ROLES = ['prosecutor', 'central-authority-officer', 'focal-point', 'focal-point-24-7', 'secretariat'] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];

/** How to reach an authority. */
export const CHANNEL_KINDS = ['matrix', 'email', 'phone', 'fax', 'post', 'portal'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];
export interface ContactChannel {
	readonly kind: ChannelKind;
	readonly value: string;
}

/**
 * Text an authority writes in the languages it chooses: BCP 47 tag → text.
 * At least one language. Shown in the reader's language when present, else
 * in the first one given.
 */
export type Texts = Readonly<Record<string, string>>;

/** A document an authority links: its law, a request template. An https link or an encrypted attachment (mxc + key, as in m.file's `file`). */
export interface DirectoryDocument {
	readonly title: string;
	readonly kind: 'law' | 'template' | 'guide';
	/** https URL, or absent when the document is attached. */
	readonly url?: string;
	/** The encrypted attachment (Matrix EncryptedFile JSON), kept opaque here. */
	readonly file?: Readonly<Record<string, unknown>>;
	/** BCP 47 tag of the document's language. */
	readonly language?: string;
}

export interface AuthorityEntry {
	readonly authority: AuthorityId;
	/** The authority's names: BCP 47 tag → name in that language; the first is its own. */
	readonly names: Texts;
	readonly country: CountryCode;
	readonly kind: AuthorityKind;
	readonly channels: readonly ContactChannel[];
	/** BCP 47 tags of the languages it accepts requests in. */
	readonly requestLanguages: readonly string[];
	readonly requirements: Texts;
	readonly urgentProcedure: Texts;
	readonly measures: readonly Measure[];
	/** Offences it is competent for; empty = all. */
	readonly offences: readonly OffenceCode[];
	readonly documents: readonly DirectoryDocument[];
	/** The person id (PersonEntry.id) of its 24/7 point, when it has one. */
	readonly point247?: string;
}

/** Weekly working hours in the person's own time zone. Days: 1 = Monday … 7 = Sunday (ISO 8601). */
export interface WorkingHours {
	/** IANA time zone, e.g. "Pacific/Kiritimati". */
	readonly timeZone: string;
	readonly days: readonly number[];
	/** "HH:MM", 24-hour, local time; `to` after `from` (no overnight shifts: use two rota periods). */
	readonly from: string;
	readonly to: string;
}

/** One on-call period of a 24/7 point: instants, ISO 8601 with offset or Z; `to` after `from`. */
export interface OnCallPeriod {
	readonly from: string;
	readonly to: string;
}

export interface PersonEntry {
	/** Stable within the authority; the Matrix ID when the person has one. */
	readonly id: string;
	readonly authority: AuthorityId;
	/** The name as the person writes it, in their own script. */
	readonly name: string;
	/** The name in Latin letters, when the own script is another (for search and for readers who cannot read it). */
	readonly latinName?: string;
	readonly title?: string;
	readonly roles: readonly DirectoryRole[];
	/** BCP 47 tags of the languages the person works in. */
	readonly languages: readonly string[];
	readonly hours?: WorkingHours;
	readonly phone?: string;
	readonly email?: string;
	readonly matrixId?: string;
	readonly rota: readonly OnCallPeriod[];
	/**
	 * `points-247`: the person's phone and e-mail are not in this entry but in a
	 * `contact` event of the network's 24/7 room, which only its 24/7 focal
	 * points and the bridges hold (docs/directory.md, "Contact details for 24/7
	 * points only"). Absent: they are in the entry, for every member.
	 */
	readonly contactVisibility?: ContactVisibility;
}

/** Who sees a person's phone and e-mail, when not every member of the network (PersonEntry.contactVisibility). */
export const CONTACT_VISIBILITIES = ['points-247'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

/** Who wrote an entry and when, as its writer says (the fold keeps the latest per entry). */
export interface Stamp {
	/** ISO 8601 instant. */
	readonly at: string;
	/** The Matrix ID of the editor who wrote it (the original author when the bridge republishes). */
	readonly by: string;
}

export type DirectoryPayload =
	| { readonly type: 'authority'; readonly entry: AuthorityEntry; readonly updated: Stamp }
	| { readonly type: 'person'; readonly entry: PersonEntry; readonly updated: Stamp }
	/** The person left the directory: departed (left office, deactivated) or removed by their authority. */
	| {
			readonly type: 'removed';
			readonly authority: AuthorityId;
			readonly person: string;
			readonly why: 'departed' | 'removed';
			readonly updated: Stamp;
	  }
	/**
	 * A person's phone and e-mail, sent only in the network's 24/7 room: merged
	 * into their entry when it says `contactVisibility: points-247`. Written by
	 * the same editors as the person entry; the latest `updated` wins.
	 */
	| {
			readonly type: 'contact';
			readonly authority: AuthorityId;
			/** The person entry's id. */
			readonly person: string;
			readonly phone?: string;
			readonly email?: string;
			readonly updated: Stamp;
	  }
	/**
	 * Written by the authority's bridge only: who may edit its entries (from its
	 * people file), and which roster the bridge runs (absent from bridges older
	 * than issue 13's roster versions, or when the value could not be read).
	 */
	| {
			readonly type: 'editors';
			readonly authority: AuthorityId;
			readonly editors: readonly string[];
			readonly roster?: RosterStatement;
			readonly updated: Stamp;
	  };

/**
 * Which roster an authority's bridge says it runs: the roster file's version
 * and the lower-case hex SHA-256 of its bytes (policies/roster/file/deployment.ts,
 * LoadedRoster). Two programs run the same roster exactly when the hashes agree.
 */
export interface RosterStatement {
	readonly version: number;
	readonly sha256: string;
}

export type DirectoryEventType = DirectoryPayload['type'];

/**
 * Someone no longer in the directory: kept so that a link to their entry says
 * they have left instead of "not found" (fold/departures.ts). `departed` and
 * `removed` are what their authority's latest `removed` event says; `left`:
 * their account left the directory room (a deactivated account leaves every
 * room), so their last entry (`entry`) is shown nowhere else.
 */
export interface DepartedPerson {
	readonly authority: AuthorityId;
	/** The person entry's id. */
	readonly person: string;
	readonly why: 'departed' | 'removed' | 'left';
	/** Their last entry, when their account left (a `removed` event carries none). */
	readonly entry?: PersonEntry;
	/** The stamp of the removal, or of the last entry when the account left. */
	readonly updated: Stamp;
}

/** A folded directory of one network, as a reader sees it. */
export interface DirectoryView {
	readonly network: NetworkId;
	readonly authorities: readonly { readonly entry: AuthorityEntry; readonly updated: Stamp }[];
	readonly people: readonly { readonly entry: PersonEntry; readonly updated: Stamp }[];
	/** People removed by their authority or whose account left the directory room, by authority and id. */
	readonly departed: readonly DepartedPerson[];
	/** Each authority's editors, from the latest counted `editors` event its bridge sent (so the UI can tell who may edit). */
	readonly editors: Readonly<Record<AuthorityId, readonly string[]>>;
	/**
	 * The roster each authority's bridge says it runs, from the latest counted
	 * `editors` event its bridge sent that states one (docs/directory.md,
	 * "Roster versions"); an authority whose bridge has not said is absent.
	 */
	readonly rosters: Readonly<Record<AuthorityId, { readonly roster: RosterStatement; readonly updated: Stamp }>>;
	/** Events not taken, with a reason (shown to the directory's editors). */
	readonly ignored: readonly IgnoredEvent[];
	/**
	 * Whether the reader holds the network's 24/7 room, so the phone and e-mail
	 * of people who keep them for 24/7 points (`contactVisibility`) are merged
	 * in; when false, those people's entries carry no phone and no e-mail.
	 */
	readonly points247: boolean;
}

/**
 * Why the fold did not take an event (docs/directory.md, "Who may write about
 * an authority"): a value, so that every reader can say it in its own
 * language. The sender is in the IgnoredEvent beside it.
 */
export type IgnoredReason =
	/** The trust rule refused it (policies/trust); the authority it is about, when its content could be read. */
	| { readonly kind: 'untrusted'; readonly code: TrustCode; readonly authority?: AuthorityId }
	/** Not a directory event this version can read; `detail` says why in English, for logs and auditors. */
	| { readonly kind: 'malformed'; readonly detail: string }
	/** About an authority that is neither a member nor an observer of this network in the roster. */
	| { readonly kind: 'outside-network'; readonly authority: AuthorityId; readonly network: NetworkId }
	/** About an authority with no homeserver in the roster: it has no bridge, so no one can write for it. */
	| { readonly kind: 'no-homeserver'; readonly authority: AuthorityId }
	/** An `editors` event not sent by the authority's bridge (`bridge`), which alone names its editors. */
	| { readonly kind: 'not-bridge'; readonly authority: AuthorityId; readonly bridge: string }
	/** An `editors` event naming `editor`, who has no account on the authority's homeserver `server`. */
	| { readonly kind: 'editor-elsewhere'; readonly authority: AuthorityId; readonly editor: string; readonly server: string }
	/** An entry written by neither the authority's bridge nor one of the editors it named. */
	| { readonly kind: 'not-editor'; readonly authority: AuthorityId }
	/** A `contact` event outside the 24/7 room, or another payload inside it: each room carries only its own. */
	| { readonly kind: 'wrong-room'; readonly authority: AuthorityId };

export type IgnoredKind = IgnoredReason['kind'];

/** An event of the directory room the fold did not take, and why. */
export interface IgnoredEvent {
	readonly eventId: string;
	readonly sender: string;
	readonly reason: IgnoredReason;
}
