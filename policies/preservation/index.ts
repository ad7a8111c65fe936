// Electronic-evidence preservation law (issue 5): the rule table, national rules
// as data, and the deadline arithmetic. Pure: no I/O, no SDK.
export { BUILT_IN_RULES } from './rules.ts';
export { RULE_WORDS, ruleLaw, ruleName, ruleNameById, type RuleWords } from './names.ts';
export { parseRuleTable } from './parse.ts';
export { findRule, mergeRules } from './table.ts';
export {
	computeDeadline,
	DEADLINE_ERRORS,
	type Deadline,
	type DeadlineError,
	type DeadlineErrorCode,
	type DeadlineRequest,
} from './deadline.ts';
export { parseInstant } from './instant.ts';
export { formatInZone, resolveZone } from './zone.ts';
export type { Bound, ClockEvent, Extension, Period, PeriodUnit, PreservationRule, RuleId, Verification, ZoneRule } from './types.ts';
