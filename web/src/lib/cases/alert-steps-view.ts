// "Who was alerted" on the case page (issue 16): the escalation steps the
// viewer's own bridge told the case room of (policies/alerts/step-event.ts,
// already narrowed to that bridge's verified events), one line per person
// told, oldest first: "Urgent request: told Tunde Adeyemi (24/7 focal point on
// call) at 4 Dec 2026, 09:31", in the viewer's language. The person's name
// is the caller's (people.ts), the words these.
import type { AlertAck, AlertKind, AlertStep, ChainStep } from '#policies/alerts/index.ts';
import * as m from '../paraglide/messages.js';
import type { Locale } from '../paraglide/runtime.js';

export interface AlertStepLine {
	/** Unique in the list. */
	readonly key: string;
	readonly kind: AlertKind;
	readonly role: ChainStep['as'];
	readonly userId: string;
	readonly at: number;
}

export function alertStepLines(steps: readonly AlertStep[]): AlertStepLine[] {
	return steps.flatMap((s) => s.told.map((userId) => ({ key: `${s.eventId}\u0000${userId}`, kind: s.kind, role: s.as, userId, at: s.at })));
}

/** An acknowledgement the page shows: of an alert whose steps are listed, with that alert's kind. */
export interface AlertAckLine extends AlertAck {
	readonly kind: AlertKind;
}

/** The acknowledgements of the alerts the steps name (one per alert, the first), oldest first. */
export function alertAckLines(steps: readonly AlertStep[], acks: readonly AlertAck[]): AlertAckLine[] {
	const kinds = new Map(steps.map((s) => [s.alert, s.kind]));
	return acks.flatMap((a) => {
		const kind = kinds.get(a.alert);
		return kind === undefined ? [] : [{ ...a, kind }];
	});
}

export function alertKindLabel(kind: AlertKind, locale: Locale): string {
	return kind === 'urgent-request' ? m.alert_kind_urgent({}, { locale }) : m.alert_kind_lapsing({}, { locale });
}

export function alertRoleLabel(role: ChainStep['as'], locale: Locale): string {
	switch (role) {
		case 'on-call':
			return m.alert_role_on_call({}, { locale });
		case 'next-on-duty':
			return m.alert_role_next({}, { locale });
		case 'officers':
			return m.alert_role_officers({}, { locale });
	}
}
