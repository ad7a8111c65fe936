// A person's own alert settings (issue 16, "users set their address and
// categories"): the address their authority's bridge mails them at and which
// mails they want, sent by the web app as an end-to-end encrypted
// m.room.message to a room they share with their own bridge, so that the
// homeserver never reads the address (ARCHITECTURE.md, decision 2). The
// people file's address stays the default; a person's own setting overrides
// it for that person only. What is checked here, pure: the address (the web
// form and the bridge refuse the same ones), the payload's shape, and which
// categories a person may turn off. Who may set it, how it arrived and which
// setting is newest are the bridge's to judge (bridge/alerts/preference-intake.ts),
// with preferenceVerdict below.
//
// Decision (documented in docs/decisions.md): urgent mails — the escalation of
// an unacknowledged urgent request or lapsing preservation — cannot be turned
// off by the 24/7 focal points and the central-authority officers, who are the
// escalation chain's steps; a setting that says so is taken with that
// category left on. New routine requests (the batched mail) may be turned off
// by anyone.
import type { Role } from '../roster/types.ts';
import { err, ok, type Result } from '../result.ts';
import type { TrustVerdict } from '../trust/index.ts';

export const ALERT_PREFERENCES_KEY = 'org.rogatory.alert_preferences';
export const ALERT_PREFERENCES_VERSION = 1;

/** The mails a person may get: an urgent item at once (escalation), and the batched mail of new routine requests. */
export const MAIL_CATEGORIES = ['urgent', 'new-requests'] as const;
export type MailCategory = (typeof MAIL_CATEGORIES)[number];

/** Who is on the escalation chain, and so always gets the urgent mails. */
export const ALWAYS_URGENT_ROLES: readonly Role[] = ['focal-point-24-7', 'central-authority-officer'];

/** Longest address accepted (RFC 5321: 254 in a path). */
export const MAX_EMAIL_LENGTH = 254;

export interface AlertPreferences {
	/**
	 * Orders a person's settings: the greatest wins, an older one replayed does not (the web app sends the time it
	 * was made, in ms, raised above the last one it knew).
	 */
	readonly version: number;
	/** The person's own address; null: the people file's address again. */
	readonly email: string | null;
	/** The categories turned off. */
	readonly off: readonly MailCategory[];
}

export type EmailProblem = 'empty' | 'too-long' | 'malformed';

// One address, no display name, no comments, no quoted local part: what a person types, and nothing a header could carry.
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** The address, trimmed, if it is one the bridge will mail; else what is wrong with it. */
export function checkEmail(text: string): Result<string, EmailProblem> {
	const email = text.trim();
	if (email === '') return err('empty');
	if (email.length > MAX_EMAIL_LENGTH) return err('too-long');
	const at = email.lastIndexOf('@');
	if (at <= 0 || email.indexOf('@') !== at) return err('malformed');
	const local = email.slice(0, at);
	const labels = email.slice(at + 1).split('.');
	if (!LOCAL.test(local) || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return err('malformed');
	if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || /^[0-9]+$/.test(labels.at(-1) ?? '')) return err('malformed');
	return ok(email);
}

/** Whether the person may turn the category off (urgent mails stay on for those on the escalation chain). */
export function mayTurnOff(category: MailCategory, roles: readonly Role[]): boolean {
	return category !== 'urgent' || !roles.some((r) => ALWAYS_URGENT_ROLES.includes(r));
}

/** The categories the person gets mail for, their setting applied under mayTurnOff. */
export function mailedCategories(off: readonly MailCategory[], roles: readonly Role[]): MailCategory[] {
	return MAIL_CATEGORIES.filter((c) => !off.includes(c) || !mayTurnOff(c, roles));
}

/** The event content the web app sends: a stock client shows the body, which names no address. */
export function buildAlertPreferencesContent(preferences: AlertPreferences): Record<string, unknown> {
	return {
		msgtype: 'm.notice',
		body: 'Rogatory alert settings, for your authority’s bridge.',
		'm.mentions': {},
		[ALERT_PREFERENCES_KEY]: {
			v: ALERT_PREFERENCES_VERSION,
			version: preferences.version,
			email: preferences.email,
			off: MAIL_CATEGORIES.filter((c) => preferences.off.includes(c)),
		},
	};
}

/** Whether the content carries alert settings at all (anything else in the room is not the bridge's concern). */
export function isAlertPreferences(content: unknown): boolean {
	return typeof content === 'object' && content !== null && ALERT_PREFERENCES_KEY in content;
}

/** The settings an event carries; a reason (in English, for the log; never the address) when they are malformed. */
export function parseAlertPreferences(content: unknown): Result<AlertPreferences, string> {
	const payload: unknown = isAlertPreferences(content) ? (content as Record<string, unknown>)[ALERT_PREFERENCES_KEY] : undefined;
	if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return err('not alert settings');
	const { v, version, email, off } = payload as Record<string, unknown>;
	if (v !== ALERT_PREFERENCES_VERSION) return err(`v must be ${ALERT_PREFERENCES_VERSION}`);
	if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) return err('version must be a whole number, 1 or more');
	if (
		!Array.isArray(off) ||
		off.length > MAIL_CATEGORIES.length * 2 ||
		!off.every((c) => (MAIL_CATEGORIES as readonly unknown[]).includes(c))
	)
		return err(`off must list categories among ${MAIL_CATEGORIES.join(', ')}`);
	if (email !== null && typeof email !== 'string') return err('email must be a string or null');
	const address = email === null ? ok(null) : checkEmail(email);
	if (!address.ok) return err(`email: ${address.error}`);
	return ok({ version, email: address.value, off: MAIL_CATEGORIES.filter((c) => off.includes(c)) });
}

/** A setting's version may be at most this far after its homeserver's stamp: one from the future would stop every later one. */
export const VERSION_AHEAD_MS = 24 * 3_600_000;

export interface PreferenceArrival {
	readonly sender: string;
	readonly originServerTs: number;
	readonly content: unknown;
	/** How it arrived (policies/trust): only one that counts is taken. */
	readonly trust: TrustVerdict;
}

export type PreferenceVerdict =
	| { readonly take: true; readonly user: string; readonly preferences: AlertPreferences }
	| { readonly take: false; readonly reason: string };

/**
 * Whether the bridge takes a setting: always as the sender's own (the content names no person), only when it
 * counts by the trust rule, only from one of the authority's people (`people`: their Matrix IDs), well formed, not
 * from the future, and newer than the one it holds for them (`held`: its version). Pure.
 */
export function preferenceVerdict(arrival: PreferenceArrival, people: ReadonlySet<string>, held: number | undefined): PreferenceVerdict {
	if (!arrival.trust.counts) return { take: false, reason: arrival.trust.reason };
	if (!people.has(arrival.sender)) return { take: false, reason: 'the sender is not one of this authority’s people' };
	const parsed = parseAlertPreferences(arrival.content);
	if (!parsed.ok) return { take: false, reason: `malformed: ${parsed.error}` };
	if (parsed.value.version > arrival.originServerTs + VERSION_AHEAD_MS)
		return { take: false, reason: 'its version is a time more than a day after it was sent' };
	if (held !== undefined && parsed.value.version <= held)
		return { take: false, reason: `older than the setting held (version ${parsed.value.version} ≤ ${held})` };
	return { take: true, user: arrival.sender, preferences: parsed.value };
}
