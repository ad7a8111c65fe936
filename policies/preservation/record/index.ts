// Preservation requests in case rooms (issue 5): the vocabulary, the validator,
// the builder with bodies in five languages, the fold into records and the
// clock (countdown states, urgency). Pure: no I/O, no SDK; web/ and bridge/
// import from here. docs/case-events.md, section 8, is the reference.
export * from './vocabulary.ts';
export type * from './types.ts';
export { PRESERVATION_REJECTIONS } from './types.ts';
export { isPreservationContent, parsePreservationEvent } from './parse.ts';
export { buildPreservationContent } from './build.ts';
export { PRESERVATION_PHRASES, renderPreservationBody, type PreservationPhrase } from './render.ts';
export { foldPreservations, type PreservationContext, type PreservationEnvelope } from './fold.ts';
export { compareUrgency, COUNTDOWN_STATES, countdownAt, DUE_SOON_MS, LAPSING_MS, statusAt, type CountdownState } from './clock.ts';
