// The batched mails (issue 16): the people who take in requests at the
// authority (its central-authority officers and focal points, with an
// address in the people file) are mailed "You have 2 new requests waiting in
// Rogatory" about the routine requests opened since their last mail — at
// once if they were not mailed within the batch window, else once it has
// passed (policies/alerts/mail-batch.ts), so a busy day is one mail per
// window per person. An escalation's mail (escalator.ts) opens a window too:
// urgent requests go at once, and the routine ones that follow wait. Each
// mail is recorded in the register before it goes and marked sent once the
// relay accepted it; a recorded, unsent one is sent again with its
// Message-ID after a crash, never a second one. Content-free like every mail:
// a count and the site's address.
import { createHash } from 'node:crypto';
import { mailDecision, mailText } from '../../policies/alerts/index.ts';
import type { AuthorityId, Role } from '../../policies/roster/types.ts';
import type { Register } from '../register/index.ts';
import type { DigestMailRow } from '../register/digests.ts';
import { STARTS_WITHIN_MS } from './escalator.ts';
import type { Mailer } from './mailer.ts';
import { routineRequests } from './routine-requests.ts';
import type { Addressee } from './settings.ts';

/** Who takes in requests at an authority: the batched mails go to them. */
export const TAKES_IN_REQUESTS: readonly Role[] = ['central-authority-officer', 'focal-point', 'focal-point-24-7'];

export interface DigestOptions {
	readonly register: Pick<Register, 'file' | 'db' | 'record' | 'digests'>;
	readonly authority: AuthorityId;
	/** Matrix ID → address, language and roles (the people file). */
	readonly people: ReadonlyMap<string, Addressee>;
	readonly mailer: Pick<Mailer, 'send'>;
	readonly from: string;
	readonly link: string;
	readonly batchMinutes: number;
	readonly now: () => number;
	readonly log: (line: string) => void;
}

/** The Message-ID of a batched mail: stable for the same record, naming nothing of what it counts. */
export function digestMessageIdOf(recipient: string, recordedAt: number, from: string): string {
	const digest = createHash('sha256').update(`digest\u0000${recipient}\u0000${recordedAt}`).digest('hex').slice(0, 40);
	return `<digest.${digest}@${from.split('@')[1] ?? 'localhost'}>`;
}

export function digester(options: DigestOptions): { pass(): Promise<void> } {
	const { log } = options;
	const store = options.register.digests;

	/** Sends a recorded mail; whether it is marked sent now (else it is tried again next pass, and no other is recorded). */
	async function deliver(row: DigestMailRow): Promise<boolean> {
		const addressee = options.people.get(row.recipient);
		const text =
			addressee?.email === undefined
				? undefined
				: mailText({ urgentRequests: 0, newRequests: row.newRequests, updates: 0 }, options.link, addressee.language);
		if (addressee?.email !== undefined && text !== undefined) {
			const sent = await options.mailer.send(addressee.email, text, { messageId: row.messageId });
			if (!sent.ok) {
				log(`alerts: the batched mail to ${row.recipient} was not sent (${sent.error.message}); tried again next pass`);
				return false;
			}
		}
		// NOTE: one whose person has no address any more is marked sent without a mail, so it does not wait forever.
		const marked = store.markSent(row.recipient, row.recordedAt, options.now());
		if (!marked.ok) {
			log(`alerts: the batched mail to ${row.recipient} was sent, but not marked so: ${marked.error.message}`);
			return false;
		}
		log(`alerts: batched mail (${row.newRequests} new) sent to ${row.recipient}`);
		return true;
	}

	return {
		async pass() {
			const unsent = store.unsent();
			if (!unsent.ok) return log(`alerts: the batched mails cannot be read: ${unsent.error.message}`);
			const waiting = new Set<string>();
			for (const row of unsent.value) if (!(await deliver(row))) waiting.add(row.recipient);
			const now = options.now();
			const requests = routineRequests(options.register, options.authority, now - STARTS_WITHIN_MS);
			if (!requests.ok) return log(`alerts: the routine requests cannot be read: ${requests.error.message}`);
			if (requests.value.length === 0) return;
			for (const [recipient, addressee] of options.people) {
				if (addressee.email === undefined || waiting.has(recipient) || !addressee.roles.some((r) => TAKES_IN_REQUESTS.includes(r)))
					continue;
				const last = store.lastMailed(recipient);
				if (!last.ok) return log(`alerts: when ${recipient} was last mailed cannot be read: ${last.error.message}`);
				const pending = requests.value
					.filter((r) => r.openedAt > (last.value ?? -Infinity))
					.map((r) => ({ urgent: false, since: r.openedAt }));
				if (mailDecision(pending, last.value, now, options.batchMinutes).send !== 'now') continue;
				const row = store.record({
					recipient,
					recordedAt: now,
					newRequests: pending.length,
					messageId: digestMessageIdOf(recipient, now, options.from),
				});
				if (!row.ok) return log(`alerts: a batched mail to ${recipient} cannot be recorded: ${row.error.message}`);
				await deliver(row.value);
			}
		},
	};
}
