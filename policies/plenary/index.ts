// The public face of policies/plenary (issue 13, docs/plenaries.md): what
// web/ and bridge/ import. Each name is defined in the module named beside
// it; read those for the why.
export type * from './types.ts';
export { PLENARY_LEVELS } from './types.ts';

export { PLENARY_EVENT_TYPES, PLENARY_KEY, PLENARY_LIMITS, PLENARY_VERSION, PLENARY_VOTE_KEY } from './events/namespace.ts';
export { buildPlenaryContent, plenaryBody } from './events/build.ts';
export { isPlenaryContent, parsePlenaryContent } from './events/parse.ts';

export type * from './polls/types.ts';
export {
	CHOICES,
	POLL_END_TYPE,
	POLL_KIND_DISCLOSED,
	POLL_KIND_UNDISCLOSED,
	POLL_RESPONSE_TYPE,
	POLL_START_TYPE,
	TEXT_KEY,
} from './polls/types.ts';
export { parsePollEnd, parsePollResponse, parsePollStart, parseVoteLink } from './polls/parse.ts';
export { buildDecisionPoll, buildPollEnd, buildPollResponse, type DecisionPollInput } from './polls/build.ts';
export { tallyPoll, type TallyRules } from './polls/tally.ts';
export { decide } from './polls/decide.ts';

export { foldPlenaries } from './fold/fold.ts';

export { renderMinutes, type MinutesDocument, type MinutesRefusal } from './export/minutes.ts';

export {
	CHOICE_LABELS,
	DECISION_RESULT_LABELS,
	MINUTES_HEADINGS,
	MINUTES_LABELS,
	MINUTES_REFUSAL_LABELS,
	PLENARY_IGNORED_LABELS,
	PLENARY_LEVEL_LABELS,
	VOTES_NOT_SECRET,
	type MinutesHeading,
} from './i18n/labels.ts';
