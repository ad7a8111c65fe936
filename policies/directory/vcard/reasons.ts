// Why a card is refused, as a value (issue 12, "Bulk import"): the editor's
// page says it in the editor's language, the CLI and the logs in English
// (reasonText). Each reason carries what its sentence needs — the property,
// the value as written, the line it points back to. What a value's own
// grammar says in detail (a Matrix ID, an instant, a time zone) is grouped
// under one kind; its English detail is kept for the CLI only.
import { DIRECTORY_ROLES } from '../types.ts';

/** What is wrong with a content line's syntax (RFC 6350 §3.3). */
export type SyntaxProblem = 'no-colon' | 'bad-name' | 'bad-parameter-name' | 'unclosed-quote' | 'stray-quote' | 'after-quote';
export type HoursProblem = 'parts' | 'days' | 'day-twice' | 'times' | 'order';
export type RotaProblem = 'parts' | 'instant' | 'order';
export type ImppProblem = 'scheme' | 'not-user' | 'segments' | 'encoding' | 'user-id';

export type VcardReason =
	/** A line that is not a property; `text` is the line (or its head) clipped, `parameter` the parameter at fault. */
	| { readonly kind: 'syntax'; readonly problem: SyntaxProblem; readonly text: string; readonly parameter?: string }
	| { readonly kind: 'outside'; readonly where: 'before' | 'after'; readonly text: string }
	| { readonly kind: 'begin-not-vcard'; readonly value: string }
	| { readonly kind: 'end-not-vcard'; readonly value: string }
	| { readonly kind: 'nested'; readonly value: string; readonly began: number }
	| { readonly kind: 'no-end' }
	| { readonly kind: 'version-missing' }
	| { readonly kind: 'version-not-4'; readonly version: string }
	| { readonly kind: 'bad-pref'; readonly property: string; readonly value: string }
	| { readonly kind: 'repeated'; readonly property: string; readonly first: number }
	| { readonly kind: 'name-missing' }
	| { readonly kind: 'name-empty' }
	| { readonly kind: 'id-missing' }
	| { readonly kind: 'id-empty' }
	| { readonly kind: 'authority-unknown'; readonly property: 'ORG' | 'X-ROGATORY-AUTHORITY'; readonly value: string }
	| { readonly kind: 'authority-conflict'; readonly org: string; readonly named: string }
	| { readonly kind: 'authority-missing'; readonly example: string }
	| { readonly kind: 'org-not-authority-id'; readonly value: string; readonly example: string }
	| { readonly kind: 'role'; readonly value: string }
	| { readonly kind: 'language'; readonly value: string }
	| { readonly kind: 'tz-offset'; readonly value: string }
	/** `detail`: the zone reader's English, for the CLI. */
	| { readonly kind: 'tz-unknown'; readonly detail: string }
	| { readonly kind: 'hours-need-tz' }
	| { readonly kind: 'hours'; readonly value: string; readonly problem: HoursProblem }
	/** `detail`: the instant reader's English when `problem` is "instant", for the CLI. */
	| { readonly kind: 'rota'; readonly value: string; readonly problem: RotaProblem; readonly detail?: string }
	/** `detail`: the Matrix ID reader's English when `problem` is "user-id", for the CLI. */
	| { readonly kind: 'impp'; readonly value: string; readonly problem: ImppProblem; readonly detail?: string }
	| { readonly kind: 'email'; readonly value: string }
	| { readonly kind: 'duplicate-id'; readonly first: number; readonly id: string; readonly authority: string }
	/** The card is about another authority than the editor's own (the editor's import, not the parser). */
	| { readonly kind: 'other-authority'; readonly authority: string; readonly own: string };

export type VcardReasonKind = VcardReason['kind'];

const SYNTAX: Readonly<Record<SyntaxProblem, (r: { text: string; parameter?: string }) => string>> = {
	'no-colon': (r) => `"${r.text}" has no ":" between the property name and its value`,
	'bad-name': (r) => `"${r.text}" is not a property name (letters, digits and "-", optionally after a group and ".")`,
	'bad-parameter-name': (r) => `parameter "${r.text}" is not a parameter name`,
	'unclosed-quote': (r) => `parameter ${r.parameter ?? ''} opens a quote that is never closed`,
	'stray-quote': (r) => `parameter ${r.parameter ?? ''} has a quote inside an unquoted value`,
	'after-quote': (r) => `parameter ${r.parameter ?? ''} has text after its closing quote; put "," between values`,
};

const HOURS: Readonly<Record<HoursProblem, string>> = {
	parts: 'does not have three parts',
	days: 'must list days as numbers 1 (Monday) to 7 (Sunday)',
	'day-twice': 'names a day twice',
	times: 'must give times as HH:MM, 00:00 to 23:59',
	order: 'must end after it starts (for a night shift use X-ROGATORY-ROTA)',
};

const IMPP: Readonly<Record<Exclude<ImppProblem, 'user-id'>, string>> = {
	scheme: 'it does not begin with "matrix:"',
	'not-user': 'it does not name a user (matrix:u/…)',
	segments: 'it has more than one segment after u/',
	encoding: 'its percent-encoding is broken',
};

/** The reason in English, as the CLI prints it and the logs keep it. */
export function reasonText(reason: VcardReason): string {
	switch (reason.kind) {
		case 'syntax':
			return SYNTAX[reason.problem](reason);
		case 'outside':
			return `text ${reason.where === 'before' ? 'before the first BEGIN:VCARD' : 'after END:VCARD'}: "${reason.text}"`;
		case 'begin-not-vcard':
			return `BEGIN:${reason.value} is not a vCard (BEGIN:VCARD)`;
		case 'end-not-vcard':
			return `END:${reason.value} does not end a vCard (END:VCARD)`;
		case 'nested':
			return `BEGIN:${reason.value} inside the card that began on line ${reason.began}: cards do not nest; is its END:VCARD missing?`;
		case 'no-end':
			return 'the card that begins here has no END:VCARD (the file ends inside it)';
		case 'version-missing':
			return 'VERSION:4.0 is missing';
		case 'version-not-4':
			return `VERSION:${reason.version} is not vCard 4.0: export the cards as vCard 4.0 (RFC 6350) and import the file again`;
		case 'bad-pref':
			return `${reason.property};PREF=${reason.value}: PREF must be a whole number from 1 to 100`;
		case 'repeated':
			return `${reason.property} may appear only once in a card (it is also on line ${reason.first})`;
		case 'name-missing':
			return 'FN (the name) is missing';
		case 'name-empty':
			return 'FN (the name) is empty';
		case 'id-missing':
			return "UID (the person's id) is missing, and there is no matrix: IMPP to take it from";
		case 'id-empty':
			return 'UID is empty';
		case 'authority-unknown':
			return `${reason.property} "${reason.value}" is not an authority of the roster`;
		case 'authority-conflict':
			return `ORG "${reason.org}" names another authority than X-ROGATORY-AUTHORITY "${reason.named}"`;
		case 'authority-missing':
			return `the authority is missing: give its roster id (e.g. ${reason.example}) in ORG or X-ROGATORY-AUTHORITY`;
		case 'org-not-authority-id':
			return `ORG "${reason.value}" is not an authority id: write the authority's roster id (e.g. ${reason.example}) first in ORG, or add X-ROGATORY-AUTHORITY`;
		case 'role':
			return `ROLE "${reason.value}" is not one of ${DIRECTORY_ROLES.join(', ')}`;
		case 'language':
			return `LANG "${reason.value}" is not a BCP 47 language tag such as "es" or "pt-BR"`;
		case 'tz-offset':
			return `TZ "${reason.value}" must be an IANA time zone name such as America/Guatemala, as text, for X-ROGATORY-HOURS`;
		case 'tz-unknown':
			return `TZ ${reason.detail}`;
		case 'hours-need-tz':
			return 'X-ROGATORY-HOURS needs a TZ property with the IANA time zone of the hours';
		case 'hours':
			return `X-ROGATORY-HOURS "${reason.value}" ${HOURS[reason.problem]} (write days;from;to, e.g. 1,2,3,4,5;08:00;17:00)`;
		case 'rota': {
			const why =
				reason.problem === 'parts'
					? 'must be two instants <from>/<to>, e.g. 2026-12-01T18:00Z/2026-12-02T08:00Z'
					: reason.problem === 'order'
						? 'must end after it starts'
						: (reason.detail ?? 'is not an instant');
			return `X-ROGATORY-ROTA "${reason.value}" ${why}`;
		}
		case 'impp': {
			const why = reason.problem === 'user-id' ? (reason.detail ?? 'its user ID is not valid') : IMPP[reason.problem];
			return `IMPP "${reason.value}" is not a Matrix user URI such as matrix:u/maria.silva:matrix.example.org: ${why}`;
		}
		case 'email':
			return `EMAIL "${reason.value}" is not an e-mail address like name@example.org`;
		case 'duplicate-id':
			return `card ${reason.first} already has the id "${reason.id}" at ${reason.authority}`;
		case 'other-authority':
			return `the card is about ${reason.authority}; you edit only ${reason.own}'s entries`;
	}
}
