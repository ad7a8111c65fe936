// "I have it" for an alert that is not a case's own acknowledgement (issue
// 16): a preservation of ours lapsing within 48 hours. The case's
// `acknowledged` event says the requested side has a request; a lapse is the
// requesting side's to act on, so a person of the authority whose bridge is
// escalating it says they have it with this: an end-to-end encrypted
// m.room.message in the case room carrying the alert's ID (the preservation
// and its expiry, policies/alerts/subjects.ts lapsingAlertId) — sent by the
// web app when such a person opens the case while their bridge's steps of
// the alert show there, or presses "I have it" under them. Their bridge takes
// it only when the trust rule let it count and the sender is one of its
// authority's people (bridge/alerts/ack-intake.ts), and only for the alert named: an
// extension is a new expiry and so a new alert, which an old one does not
// stop. The ID names no case content; the homeserver sees ciphertext. Pure.
import type { TrustVerdict } from '../trust/index.ts';

export const ALERT_ACK_KEY = 'org.rogatory.alert_ack';
export const ALERT_ACK_VERSION = 1;
/** The longest alert ID taken (an event ID, '#', and a time). */
const MAX_ALERT_ID = 600;

/** The content the web app sends: a stock client shows the body, which names nothing of the case. */
export function buildAlertAckContent(alertId: string): Record<string, unknown> {
	return {
		msgtype: 'm.notice',
		body: 'I have it (a Rogatory alert).',
		'm.mentions': {},
		[ALERT_ACK_KEY]: { v: ALERT_ACK_VERSION, alert: alertId },
	};
}

/** The alert an ack content names; undefined for anything else (another version, a missing or odd field). */
export function parseAlertAck(content: unknown): string | undefined {
	if (typeof content !== 'object' || content === null) return undefined;
	const ack = (content as Record<string, unknown>)[ALERT_ACK_KEY];
	if (typeof ack !== 'object' || ack === null) return undefined;
	const { v, alert } = ack as Record<string, unknown>;
	if (v !== ALERT_ACK_VERSION || typeof alert !== 'string' || alert.length === 0 || alert.length > MAX_ALERT_ID) return undefined;
	return alert;
}

/** One event as its reader decrypted and judged it. */
export interface AlertAckArrival {
	readonly sender: string;
	readonly content: unknown;
	/** How it arrived (policies/trust): only one that counts is taken. */
	readonly trust: TrustVerdict;
}

export type AlertAckVerdict = { readonly take: true; readonly alert: string } | { readonly take: false; readonly reason: string };

/** Whether a bridge takes an event carrying an ack: counted by the trust rule, from one of its authority's `people`. */
export function alertAckVerdict(arrival: AlertAckArrival, people: ReadonlySet<string>): AlertAckVerdict {
	const alert = parseAlertAck(arrival.content);
	if (alert === undefined) return { take: false, reason: 'not a well-formed alert acknowledgement' };
	if (!arrival.trust.counts) return { take: false, reason: arrival.trust.reason };
	if (!people.has(arrival.sender)) return { take: false, reason: 'the sender is not one of this authority’s people' };
	return { take: true, alert };
}

/** Whether the content carries an alert acknowledgement at all. */
export const isAlertAck = (content: unknown): boolean => typeof content === 'object' && content !== null && ALERT_ACK_KEY in content;

/** One acknowledgement as the case page shows it. */
export interface AlertAck {
	readonly alert: string;
	readonly by: string;
	readonly at: number;
}

/** One timeline event carrying an acknowledgement, as its reader decrypted and judged it. */
export interface AlertAckEnvelope {
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
	/** Whether the trust rule let it count (policies/trust). */
	readonly counts: boolean;
}

/**
 * The first acknowledgement of each alert by a person on `server` (the reader's own homeserver: its bridge
 * escalates the alert and takes only its own people's), among the events that count and parse; oldest first.
 */
export function alertAcksOf(events: readonly AlertAckEnvelope[], server: string): AlertAck[] {
	const first = new Map<string, AlertAck>();
	for (const e of events) {
		if (!e.counts || e.sender.slice(e.sender.indexOf(':') + 1) !== server) continue;
		const alert = parseAlertAck(e.content);
		if (alert === undefined) continue;
		const held = first.get(alert);
		if (held === undefined || e.originServerTs < held.at) first.set(alert, { alert, by: e.sender, at: e.originServerTs });
	}
	return [...first.values()].sort((a, b) => a.at - b.at);
}
