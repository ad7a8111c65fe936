// The shape of a preservation rule (and of the related clocks that run beside
// it: provisional arrest, EIO time limits). A rule is DATA: the built-in table
// (rules.ts) and every national rule a network adds (parse.ts) have this shape,
// and the deadline arithmetic (deadline.ts) reads nothing else.

/** A rule identifier, e.g. `budapest-29`: lower-case words joined by dashes. */
export type RuleId = string & { readonly __brand: 'PreservationRuleId' };

export const PERIOD_UNITS = ['days', 'months', 'years'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A calendar period, counted in the legal zone (deadline.ts says how). */
export interface Period {
	readonly amount: number;
	readonly unit: PeriodUnit;
}

/**
 * How the instrument states its period. `at-least`: the custodian must keep the
 * data at least this long (Budapest art. 29(7)) — the date is the earliest the
 * preservation may lapse, the one to plan for. `exactly`: the obligation ends
 * then (18 U.S.C. § 2703(f)(2)). `at-most`: a ceiling (provisional arrest, Malabo).
 */
export const BOUNDS = ['at-least', 'exactly', 'at-most'] as const;
export type Bound = (typeof BOUNDS)[number];

/** Further periods the rule allows, each counted from the end of the previous one. */
export interface Extension {
	/** How many extensions; `null` when the instrument sets no limit (national law may). */
	readonly max: number | null;
	readonly period: Period;
	/** The event that extends it, as a code (e.g. `renewed-request`). */
	readonly on: string;
	readonly note: string;
}

/**
 * An event that changes the clock. `holds`: the period no longer runs out; the
 * data stay preserved until `until` (e.g. the MLA request is decided). `ends`:
 * the obligation stops (release).
 */
export interface ClockEvent {
	readonly on: string;
	readonly effect: 'holds' | 'ends';
	readonly until: string | null;
	readonly note: string;
}

/**
 * Whose clock: the jurisdiction whose law applies, in words, and its IANA zone
 * when the rule alone determines it. `default: null` means the zone depends on
 * the case (e.g. the requested Party's), so a deadline needs one named.
 */
export interface ZoneRule {
	readonly law: string;
	readonly default: string | null;
}

/** What was checked against the instrument's text, and how (docs/preservation-rules.md). */
export interface Verification {
	readonly status: 'verified' | 'unverified';
	readonly note: string;
}

export interface PreservationRule {
	readonly id: RuleId;
	readonly instrument: string;
	/** Exact article and paragraph, e.g. "art. 29(7)". */
	readonly citation: string;
	/** The event the period runs from, as a code (e.g. `preservation-effected`). */
	readonly runsFrom: string;
	readonly period: Period;
	readonly bound: Bound;
	readonly extension: Extension | null;
	readonly events: readonly ClockEvent[];
	readonly zone: ZoneRule;
	/** The date the instrument applies from (YYYY-MM-DD), if it is not yet in force everywhere. */
	readonly appliesFrom: string | null;
	readonly verification: Verification;
}
