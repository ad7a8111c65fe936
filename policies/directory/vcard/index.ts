// vCard 4.0 import and export of directory person entries (issue 12, "Cards"
// and "Bulk import"): RFC 6350 text, RFC 6868 parameter escapes, RFC 7095 jCard.
export { parseVcards } from './parse.ts';
export { serializeVcards } from './serialize.ts';
export { toJcard, type Jcard, type JcardProperty } from './jcard.ts';
export type { CardRefusal, ParsedCard, VcardContext } from './types.ts';
export { reasonText, type VcardReason, type VcardReasonKind } from './reasons.ts';
