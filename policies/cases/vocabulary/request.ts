// The closed vocabularies of a request (DOMAIN.md, "Requests"): its kind, the
// two sides, urgency, channel, the type of legal basis and how two requests
// can be linked. Each list is the single source the parser, the builders and
// the translation tables check against.

/** Request kinds, each with the UNTOC article it rests on. */
export const REQUEST_KINDS = [
	'mla', // art. 18
	'extradition', // art. 16
	'preservation', // expedited preservation of electronic data (Budapest art. 29; UNTOC art. 27)
	'spontaneous-information', // art. 18(4)
	'transfer-of-sentenced-persons', // art. 17
	'transfer-of-proceedings', // art. 21
	'joint-investigation', // art. 19
	'confiscation', // arts. 13–14
	'law-enforcement-cooperation', // art. 27
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Which end of the request an authority is on. */
export const SIDES = ['requesting', 'requested'] as const;
export type Side = (typeof SIDES)[number];

export const URGENCIES = ['routine', 'urgent', 'immediate'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = ['formal', 'informal'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Where no treaty applies, UNTOC arts. 16 and 18 themselves are the basis. */
export const LEGAL_BASES = ['untoc', 'bilateral-treaty', 'multilateral-convention', 'reciprocity'] as const;
export type LegalBasisType = (typeof LEGAL_BASES)[number];

/**
 * How two requests are linked. Each relation has an earlier and a later end:
 * a preservation is followed by its MLA request; a provisional arrest by the
 * formal extradition request. "related" has no direction.
 */
export const LINK_RELATIONS = ['preservation-mla', 'provisional-arrest-extradition', 'related'] as const;
export type LinkRelation = (typeof LINK_RELATIONS)[number];

/** Which end of a relation the room carrying the link event is. */
export const LINK_ENDS = ['earlier', 'later'] as const;
export type LinkEnd = (typeof LINK_ENDS)[number];

export function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
	return typeof value === 'string' && (list as readonly string[]).includes(value);
}
