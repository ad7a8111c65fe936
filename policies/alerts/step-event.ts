// Who was told when, for the case page (issue 16): after an escalation
// step's mails were accepted, the authority's bridge sends the case room an
// encrypted event of its own type, `org.rogatory.alert.step` — never room
// state, never a field a homeserver reads (the type travels inside the
// encrypted payload) — saying which alert, which step, whom it told as what
// (on call, next on duty, officers) and when. A reader takes these only from
// its own authority's bridge account and only when the trust rule let the
// event count (the sender's device cross-signed by its owner, as for every
// case event): a member's account sending the same event is ignored, and so
// is the other authority's bridge — each side sees the steps of its own
// escalation (docs/decisions.md). Pure.
import type { AlertKind, AlertSubject } from './subjects.ts';
import type { ChainStep } from './escalation.ts';

export const ALERT_STEP_TYPE = 'org.rogatory.alert.step' as const;
export const ALERT_STEP_VERSION = 1 as const;

/** At most this many people in one step (the officers' step names them all). */
const MAX_TOLD = 50;

export interface AlertStepContent {
	readonly v: typeof ALERT_STEP_VERSION;
	readonly kind: AlertKind;
	/** The alert's ID (the room for a request; the preservation and its expiry for a lapse). */
	readonly alert: string;
	/** The step's index in the chain, from 0. */
	readonly step: number;
	readonly as: ChainStep['as'];
	/** The Matrix IDs told. */
	readonly told: readonly string[];
	/** When the relay had accepted the step's mails (ms). */
	readonly at: number;
}

/** One step as the case page shows it. */
export interface AlertStep {
	readonly eventId: string;
	readonly kind: AlertKind;
	readonly alert: string;
	readonly step: number;
	readonly as: ChainStep['as'];
	readonly told: readonly string[];
	readonly at: number;
}

/** The content the bridge sends for a step whose mails went at `at`. */
export function alertStepContent(
	alert: Pick<AlertSubject, 'kind' | 'id'>,
	step: { readonly step: number; readonly as: ChainStep['as']; readonly recipients: readonly string[] },
	at: number,
): AlertStepContent {
	return { v: ALERT_STEP_VERSION, kind: alert.kind, alert: alert.id, step: step.step, as: step.as, told: [...step.recipients], at };
}

const KINDS: readonly string[] = ['urgent-request', 'preservation-lapsing'] satisfies AlertKind[];
const AS: readonly string[] = ['on-call', 'next-on-duty', 'officers'] satisfies ChainStep['as'][];
const USER_ID = /^@[^:\s]{1,255}:[^\s]{1,255}$/;

/** The content read strictly; undefined for anything else (another version, a missing or odd field). */
export function parseAlertStep(content: unknown): AlertStepContent | undefined {
	if (typeof content !== 'object' || content === null) return undefined;
	const c = content as Record<string, unknown>;
	const { v, kind, alert, step, as, told, at } = c;
	if (v !== ALERT_STEP_VERSION) return undefined;
	if (typeof kind !== 'string' || !KINDS.includes(kind)) return undefined;
	if (typeof alert !== 'string' || alert.length === 0 || alert.length > 600) return undefined;
	if (typeof step !== 'number' || !Number.isSafeInteger(step) || step < 0 || step > 1000) return undefined;
	if (typeof as !== 'string' || !AS.includes(as)) return undefined;
	if (!Array.isArray(told) || told.length === 0 || told.length > MAX_TOLD) return undefined;
	if (!told.every((u): u is string => typeof u === 'string' && USER_ID.test(u))) return undefined;
	if (typeof at !== 'number' || !Number.isSafeInteger(at) || at < 0) return undefined;
	return { v, kind: kind as AlertKind, alert, step, as: as as ChainStep['as'], told, at };
}

/** One timeline event of the case room, as its reader decrypted and judged it. */
export interface AlertStepEnvelope {
	readonly eventId: string;
	readonly sender: string;
	/** The decrypted event's type. */
	readonly type: string;
	readonly content: unknown;
	/** Whether the trust rule let it count (policies/trust). */
	readonly counts: boolean;
}

/**
 * The steps in the room told by `bridge` (the reader's own authority's bridge
 * account), oldest first; a step sent twice (a bridge restart) shows once.
 * Events from any other sender, that do not count, or do not parse, are not taken.
 */
export function alertStepsOf(events: readonly AlertStepEnvelope[], bridge: string): AlertStep[] {
	const steps = new Map<string, AlertStep>();
	for (const e of events) {
		if (e.type !== ALERT_STEP_TYPE || e.sender !== bridge || !e.counts) continue;
		const c = parseAlertStep(e.content);
		if (c === undefined) continue;
		const key = `${c.alert}\u0000${c.step}`;
		if (!steps.has(key))
			steps.set(key, { eventId: e.eventId, kind: c.kind, alert: c.alert, step: c.step, as: c.as, told: c.told, at: c.at });
	}
	return [...steps.values()].sort((a, b) => a.at - b.at || a.alert.localeCompare(b.alert) || a.step - b.step);
}
