// The public face of policies/cases: what web/ and bridge/ import. Each name
// is defined in the module named beside it; read those for the why.
export {
	isCaseReference,
	isTransitionId,
	parseCaseReference,
	parseTransitionId,
	transitionIdOf,
	type CaseReference,
	type TransitionId,
} from './ids/case.ts';
export {
	parseAuthorityId,
	parseOffenceCode,
	parseStatusId,
	parseWorkflowId,
	type OffenceCode,
	type StatusId,
	type WorkflowId,
} from './ids/codes.ts';
export {
	isEventId,
	isLocalpart,
	isRoomId,
	isServerName,
	isUserId,
	localpartOf,
	parseEventId,
	parseRoomId,
	parseUserId,
	serverNameOf,
	type EventId,
	type RoomId,
	type UserId,
} from './ids/matrix.ts';
export { parseServerName, type HostKind, type ServerParts } from './ids/server-name.ts';

export { CASE_EVENT_TYPES, CASE_KEY, CASE_VERSION, NAMESPACE, type CaseEventType } from './vocabulary/namespace.ts';
export { LIMITS } from './vocabulary/limits.ts';
export * from './vocabulary/request.ts';
export { extendTaxonomy, parentOffence, TAXONOMY, type Offence } from './vocabulary/taxonomy.ts';

export type * from './events/types.ts';
export { FIELD_NAMES } from './events/types.ts';
export { REJECTION_CODES, type Rejection, type RejectionCode } from './events/rejection.ts';
export { parseCaseEvent } from './events/parse.ts';
export { buildCaseContent, type BuildOptions } from './events/build.ts';

export { labelOf, type LabelTable, type Labels } from './i18n/labels.ts';
export { REJECTION_LABELS } from './i18n/rejections.ts';
export { DEFAULT_BOOK, withOffences, withWorkflow, type LabelBook } from './i18n/book.ts';
export { renderBody, renderFieldValue, rendererFor, type BodyRenderer, type RenderOptions } from './i18n/render.ts';

export type { TransitionRule, Workflow } from './workflows/types.ts';
export { allowedTransitions, findRule, isTerminal } from './workflows/allowed.ts';
export { isAnswered } from './workflows/answered.ts';
export {
	answerByStateOf,
	answered,
	daysLeft,
	isOverdue,
	pendingAnswerBy,
	readAnswerByState,
	type AnswerByState,
} from './deadlines/answer-by.ts';
export { calendarDate } from './deadlines/calendar-date.ts';
export { DEFAULT_REGISTRY, DEFAULT_WORKFLOWS, defaultWorkflowFor, workflowRegistry, type WorkflowRegistry } from './workflows/registry.ts';
export { tuneWorkflow, type WorkflowTuning } from './workflows/tune.ts';
export { validateWorkflow } from './workflows/validate.ts';
export { EXTRADITION_WORKFLOW } from './workflows/extradition.ts';
export { GENERIC_WORKFLOW } from './workflows/generic.ts';
export { MLA_WORKFLOW } from './workflows/mla.ts';

export type * from './fold/types.ts';
export { foldCase } from './fold/fold.ts';
export { authorityOf, serversFromRoster, sideOf } from './fold/parties.ts';
export { AMENDABLE_BY } from './fold/amend.ts';
export { lastChangeOf } from './fold/last-change.ts';

export { availableMoves, proposeSettlement, proposeTransition } from './propose.ts';
