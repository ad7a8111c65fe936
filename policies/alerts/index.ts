// Alerts that reach the person on duty (issue 16): the escalation chain along
// the 24/7 rota, when mails go, and their content-free text. Pure.
export {
	escalationChain,
	nextStep,
	type ChainStep,
	type EscalationSettings,
	type FocalPoint,
	type Next,
	type RotaPeriod,
	type TakenStep,
} from './escalation.ts';
export { mailDecision, type MailDecision, type PendingItem } from './mail-batch.ts';
export {
	ALERT_ACK_KEY,
	alertAckVerdict,
	alertAcksOf,
	buildAlertAckContent,
	isAlertAck,
	parseAlertAck,
	type AlertAck,
	type AlertAckArrival,
	type AlertAckEnvelope,
	type AlertAckVerdict,
} from './alert-ack.ts';
export { DEFAULT_URGENT_MAILS_PER_HOUR, HOUR_MS, splitByCap, type CapSplit } from './mail-cap.ts';
export { lapsingMailText, mailText, type MailText, type Waiting } from './mail-text.ts';
export {
	focalPointsOf,
	LAPSING_WITHIN_MS,
	lapsingAlertId,
	lapsingPreservationAlert,
	urgentRequestAlert,
	type AlertKind,
	type AlertSubject,
} from './subjects.ts';
export {
	ALERT_STEP_TYPE,
	ALERT_STEP_VERSION,
	alertStepContent,
	alertStepsOf,
	parseAlertStep,
	type AlertStep,
	type AlertStepContent,
	type AlertStepEnvelope,
} from './step-event.ts';
export {
	ALERT_PREFERENCES_KEY,
	ALWAYS_URGENT_ROLES,
	MAIL_CATEGORIES,
	MAX_EMAIL_LENGTH,
	buildAlertPreferencesContent,
	checkEmail,
	isAlertPreferences,
	mailedCategories,
	mayTurnOff,
	parseAlertPreferences,
	preferenceVerdict,
	type AlertPreferences,
	type EmailProblem,
	type MailCategory,
	type PreferenceArrival,
	type PreferenceVerdict,
} from './preferences.ts';
