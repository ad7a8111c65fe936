// The one namespace for every custom key Rogatory puts in an event
// (ARCHITECTURE.md, decision 3). Case events are `m.room.message` events whose
// content carries the structured payload under CASE_KEY.
// NOTE: the Matrix spec asks custom event types and fields to be namespaced in
// Java package style (reverse domain); `m.` is reserved for the spec itself.

/** The namespace root; other features use keys under it (e.g. `org.rogatory.contact`). */
export const NAMESPACE = 'org.rogatory';

/** The content key that holds a case event's payload. */
export const CASE_KEY = `${NAMESPACE}.case` as const;

/** The payload format version this code writes and reads. */
export const CASE_VERSION = 1 as const;

/** The payload types, in the order the reference documents them. */
export const CASE_EVENT_TYPES = ['opened', 'amended', 'transition', 'settled', 'note', 'link', 'acknowledged'] as const;
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number];
