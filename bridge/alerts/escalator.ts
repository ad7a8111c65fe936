// The escalation engine (issue 16): at each pass — on a timer and after each
// committed batch — every urgent request this authority was asked, and every
// preservation it asked for that lapses within 48 hours
// (lapsing-preservations.ts), that nobody acknowledged goes along the chain of policies/alerts/escalation.ts (the
// on-call 24/7 focal point when the first step goes, the next on duty, then
// the central-authority officers), one step when it is due. A step is
// recorded in the register before its mails go and marked sent once the relay
// accepted every one of them; a step recorded but not sent (the bridge
// stopped in between, or the relay failed) is sent again at the next pass,
// with the same Message-ID per (alert, step, recipient), and no later step is
// taken until it went: none is skipped, none repeated. An acknowledgement
// stops it for everyone. The mails are content-free (mail-text.ts), in each
// person's language; the log names rooms, steps and Matrix IDs, never case
// content or addresses. Once a step's mails went, the case room is told, so
// the authority's people see who was told when: an encrypted
// `org.rogatory.alert.step` event (policies/alerts/step-event.ts) with a
// transaction ID of the step's own, marked in the register once the
// homeserver took it — sent again after a restart until then, never twice.
// One person gets at most `mailsPerHour` escalation mails in any hour
// (policies/alerts/mail-cap.ts): the ones over it are held when the step is
// recorded, logged, and not named to the case room.
import { createHash } from 'node:crypto';
import {
	ALERT_STEP_TYPE,
	alertStepContent,
	escalationChain,
	focalPointsOf,
	HOUR_MS,
	lapsingMailText,
	mailText,
	nextStep,
	splitByCap,
	type AlertSubject,
	type TakenStep,
} from '../../policies/alerts/index.ts';
import type { PersonEntry } from '../../policies/directory/types.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import type { EscalationStepRow, Register } from '../register/index.ts';
import type { SendFailure } from '../reminders/hook.ts';
import { ok, type Result } from '../../policies/result.ts';
import type { Mailer } from './mailer.ts';
import type { Addressee } from './settings.ts';
import { lapsingSubjects } from './lapsing-preservations.ts';
import { urgentSubjects, type Subject } from './urgent-rooms.ts';

/**
 * An alert raised longer ago than this, with no step taken, is not started:
 * when the bridge first runs with mail, old unacknowledged requests do not
 * all go out at once (they are in the app's lists already).
 */
export const STARTS_WITHIN_MS = 72 * 3_600_000;

/** Sends an encrypted event of `type` into a case room with `txnId` (bridge/matrix/bot-client.ts); its event ID, or why not. */
export type CaseRoomSender = (
	room: string,
	type: string,
	content: Record<string, unknown>,
	txnId: string,
) => Promise<Result<string, SendFailure>>;

export interface EscalatorOptions {
	readonly register: Pick<Register, 'file' | 'db' | 'record' | 'escalations' | 'schedule'>;
	readonly authority: AuthorityId;
	/** Server name → authority, as the preservation fold reads senders. */
	readonly servers: ReadonlyMap<string, AuthorityId>;
	/** The authority's directory person entries now (rota-source.ts). */
	readonly entries: () => readonly PersonEntry[];
	/** The authority's central-authority officers' Matrix IDs. */
	readonly officers: readonly string[];
	readonly people: ReadonlyMap<string, Addressee>;
	readonly mailer: Pick<Mailer, 'send'>;
	/** The relay's sender address: its domain names the Message-IDs. */
	readonly from: string;
	readonly link: string;
	readonly ackWithinMinutes: number;
	/** At most this many escalation mails to one person in any hour (policies/alerts/mail-cap.ts). */
	readonly mailsPerHour: number;
	readonly now: () => number;
	readonly log: (line: string) => void;
	/** How the case rooms are told of each sent step; undefined (or left out) until the bot runs: they are told then. */
	readonly caseRoom?: () => CaseRoomSender | undefined;
}

/** The transaction ID of a step's case-room event: the same after a restart, so the homeserver keeps one. */
export function stepTxnIdOf(alertId: string, step: number): string {
	return `rogatory-alert-step-${createHash('sha256').update(`${alertId}\u0000${step}`).digest('hex').slice(0, 40)}`;
}

/** The Message-ID of one recipient's mail of one step: the same after a restart, and saying nothing of the case. */
export function messageIdOf(alertId: string, step: number, recipient: string, from: string): string {
	const digest = createHash('sha256').update(`${alertId}\u0000${step}\u0000${recipient}`).digest('hex').slice(0, 40);
	return `<escalation.${digest}@${from.split('@')[1] ?? 'localhost'}>`;
}

export interface Escalator {
	/** One pass over every alert; resolves when its mails are accepted or failed. */
	pass(): Promise<void>;
}

export function escalator(options: EscalatorOptions): Escalator {
	const { register, log } = options;
	const store = register.escalations;

	/** Sends each recipient with an address the step's mail; marks the step sent when all were accepted. */
	async function deliver(row: EscalationStepRow): Promise<boolean> {
		let all = true;
		for (const recipient of row.recipients) {
			if (row.held.includes(recipient)) {
				log(`alerts: ${row.alertId} step ${row.step}: ${recipient} not mailed: ${options.mailsPerHour} escalation mails in the last hour`);
				continue;
			}
			const addressee = options.people.get(recipient);
			if (addressee?.email === undefined) {
				log(`alerts: ${row.alertId} step ${row.step}: ${recipient} has no e-mail address in the people file; not mailed`);
				continue;
			}
			const text =
				row.kind === 'urgent-request'
					? mailText({ urgentRequests: 1, newRequests: 0, updates: 0 }, options.link, addressee.language)
					: lapsingMailText(options.link, addressee.language);
			if (text === undefined) continue;
			const sent = await options.mailer.send(addressee.email, text, {
				messageId: messageIdOf(row.alertId, row.step, recipient, options.from),
			});
			if (!sent.ok) {
				all = false;
				log(`alerts: ${row.alertId} step ${row.step}: the mail to ${recipient} was not sent (${sent.error.message})`);
			}
		}
		if (!all) return false;
		const marked = store.markSent(row.alertId, row.step, options.now());
		if (!marked.ok) {
			log(`alerts: ${row.alertId} step ${row.step} sent, but not marked so: ${marked.error.message}`);
			return false;
		}
		log(`alerts: ${row.alertId} step ${row.step} (${row.as}) sent to ${row.recipients.join(', ')}`);
		return true;
	}

	/** The recipients with an address whom the cap holds from a step recorded at `now`. */
	function heldByCap(recipients: readonly string[], now: number): Result<string[], { message: string }> {
		const counts = new Map<string, number>();
		for (const recipient of recipients) {
			if (options.people.get(recipient)?.email === undefined) continue;
			const mailed = store.mailedSince(recipient, now - HOUR_MS);
			if (!mailed.ok) return mailed;
			counts.set(recipient, mailed.value);
		}
		return ok([...splitByCap([...counts.keys()], (r) => counts.get(r) ?? 0, options.mailsPerHour).held]);
	}

	// Alerts whose stop was logged (by this process): an acknowledgement is logged once, not at every pass.
	const stopped = new Set<string>();

	async function escalate(alert: AlertSubject, acknowledged: boolean, points: () => readonly PersonEntry[]): Promise<void> {
		const recorded = store.ofAlert(alert.id);
		if (!recorded.ok) return log(`alerts: ${alert.id}: its steps cannot be read: ${recorded.error.message}`);
		if (acknowledged) {
			if (recorded.value.length > 0 && !stopped.has(alert.id))
				log(`alerts: ${alert.id} acknowledged: no further step (${recorded.value.length} taken)`);
			stopped.add(alert.id);
			return;
		}
		// A step recorded and not sent first: the next waits for it, counted from when it went (read again below).
		const unsent = recorded.value.filter((s) => s.sentAt === null);
		for (const row of unsent) if (!(await deliver(row))) return;
		const steps = unsent.length === 0 ? recorded : store.ofAlert(alert.id);
		if (!steps.ok) return log(`alerts: ${alert.id}: its steps cannot be read: ${steps.error.message}`);
		const now = options.now();
		if (steps.value.length === 0 && now - alert.raisedAt > STARTS_WITHIN_MS) return;
		// The rota as it stood when the first step went (now, for the first): the one on call then, not when the
		// alert was raised — a lapse is raised 48 h before the expiry, which may be long past when a late confirmation
		// or a stopped bridge brings it here. Fixed once the first step is recorded, so a later pass reads the same chain.
		const chainAt = steps.value.find((s) => s.step === 0)?.recordedAt ?? now;
		const chain = escalationChain(focalPointsOf(points(), options.authority), options.officers, chainAt);
		const taken: TakenStep[] = steps.value.map((s) => ({ index: s.step, at: s.sentAt ?? s.recordedAt }));
		const next = nextStep(chain, taken, false, alert.raisedAt, { ackWithinMinutes: options.ackWithinMinutes });
		if (next.kind !== 'due' || next.at > now) return;
		const held = heldByCap(next.step.to, now);
		if (!held.ok) return log(`alerts: ${alert.id}: the mails of the last hour cannot be counted: ${held.error.message}`);
		const row = store.record({
			alertId: alert.id,
			kind: alert.kind,
			room: alert.room,
			step: next.index,
			as: next.step.as,
			recipients: next.step.to,
			dueAt: next.at,
			recordedAt: now,
			held: held.value,
		});
		if (!row.ok) return log(`alerts: ${alert.id}: step ${next.index} cannot be recorded: ${row.error.message}`);
		log(`alerts: ${alert.kind} ${alert.id} unacknowledged: step ${next.index} (${next.step.as}) to ${next.step.to.join(', ')}`);
		await deliver(row.value);
	}

	/** Tells each case room of its sent steps not told yet; stops at the first failure that may pass (tried again next pass). */
	async function note(): Promise<void> {
		const send = options.caseRoom?.();
		if (send === undefined) return;
		const unnoted = store.unnoted();
		if (!unnoted.ok) return log(`alerts: the steps to tell the case rooms of cannot be read: ${unnoted.error.message}`);
		for (const row of unnoted.value) {
			// Only those a mail went to: a person without an address in the people file was not told (deliver).
			const told = row.recipients.filter((r) => options.people.get(r)?.email !== undefined && !row.held.includes(r));
			if (told.length === 0) {
				const marked = store.markNoted(row.alertId, row.step, options.now());
				if (!marked.ok) return log(`alerts: ${row.alertId} step ${row.step} not marked noted: ${marked.error.message}`);
				log(
					`alerts: ${row.room} not told of ${row.alertId} step ${row.step}: no one of it was mailed (no e-mail address, or over the cap)`,
				);
				continue;
			}
			const content = alertStepContent({ kind: row.kind, id: row.alertId }, { ...row, recipients: told }, row.sentAt ?? row.recordedAt);
			const sent = await send(row.room, ALERT_STEP_TYPE, { ...content }, stepTxnIdOf(row.alertId, row.step));
			if (!sent.ok && !sent.error.final)
				return log(`alerts: ${row.room} not told of ${row.alertId} step ${row.step} yet (${sent.error.message}); tried again next pass`);
			const marked = store.markNoted(row.alertId, row.step, options.now());
			if (!marked.ok) return log(`alerts: ${row.alertId} step ${row.step} told, but not marked so: ${marked.error.message}`);
			log(
				sent.ok
					? `alerts: ${row.room} told of ${row.alertId} step ${row.step} (${sent.value})`
					: `alerts: ${row.room} refuses the bridge; not told of ${row.alertId} step ${row.step} (${sent.error.message})`,
			);
		}
	}

	return {
		async pass() {
			const now = options.now();
			const urgent = urgentSubjects(register, options.authority, now - STARTS_WITHIN_MS);
			if (!urgent.ok) log(`alerts: the urgent requests cannot be read: ${urgent.error.message}`);
			const lapsing = lapsingSubjects(register, options.authority, options.servers, now);
			if (!lapsing.ok) log(`alerts: the lapsing preservations cannot be read: ${lapsing.error.message}`);
			const subjects: Subject[] = [...(urgent.ok ? urgent.value : []), ...(lapsing.ok ? lapsing.value : [])];
			// The directory state is read once a pass, and only when a step may be due.
			let entries: readonly PersonEntry[] | undefined;
			const points = () => (entries ??= options.entries());
			for (const { alert, acknowledged } of subjects) await escalate(alert, acknowledged, points);
			await note();
		},
	};
}
