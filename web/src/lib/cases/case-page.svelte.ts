// View model of one case page: the status change being prepared (target and
// reason), the settlement of a conflict, the message being written, and
// attachment transfers with their progress and problems. The record and the
// discussion themselves come from CaseRooms.
import type { AlertAck, AlertStep } from '#policies/alerts/index.ts';
import type { OpenedCase, TransitionId, TransitionRule } from '#policies/cases/index.ts';
import { calendarDate } from '#policies/cases/index.ts';
import type { Language } from '#policies/roster/types.ts';
import type { Result } from '#policies/result.ts';
import type { TimelineItem } from '../matrix/cases.ts';
import { amendableFields, changesOf, draftOf, type AmendableField, type AmendDraft, type AmendProblem } from './amend-form.ts';
import type { ActionProblem, CaseRoomView, CaseRooms } from './case-rooms.svelte.ts';
import type { Transfer } from '../attachments/transfer.ts';
import type { OutboxEntry } from './outbox.ts';
import type { RefusalCode } from './refusal.ts';
import { personOf, type Person } from './people.ts';

const NO_NAMES: ReadonlyMap<string, string> = new Map();

export type PageProblem =
	| { readonly kind: 'reason-required' }
	/** Refused before anything was sent, for a reason the page words (refusal-text.ts). */
	| { readonly kind: 'refused'; readonly code: RefusalCode }
	| { readonly kind: 'failed' }
	| { readonly kind: 'too-large'; readonly size: number; readonly limit: number }
	/** The chosen file could not be read, encrypted or kept in this browser until it is sent. */
	| { readonly kind: 'file-not-kept' }
	| { readonly kind: 'tampered' }
	| { readonly kind: 'amend'; readonly problem: AmendProblem };

export class CasePage {
	readonly #cases: CaseRooms;
	readonly #roomId: string;
	moveTo = $state('');
	reason = $state('');
	settleChoice = $state('');
	settleReason = $state('');
	message = $state('');
	/** The event the message being written answers, if any. */
	replyTo = $state<string | undefined>();
	reference = $state('');
	referenceReason = $state('');
	/** The amendment being prepared; its field is '' until one is chosen. */
	amendment = $state<AmendDraft | undefined>();
	#problem = $state<PageProblem | undefined>();
	/** True while a chosen file is being encrypted and stored to be sent. */
	#preparing = $state(false);
	#downloads = $state<Record<string, Transfer>>({});

	constructor(cases: CaseRooms, roomId: string) {
		this.#cases = cases;
		this.#roomId = roomId;
	}

	get view(): CaseRoomView | undefined {
		return this.#cases.room(this.#roomId);
	}

	get record(): OpenedCase | undefined {
		const record = this.view?.record;
		return record?.opened === true ? record : undefined;
	}

	/** The room's history is being read again (after a homeserver fault): the record shown is the last whole one, if any. */
	get catchingUp(): boolean {
		return this.#cases.catchingUp(this.#roomId);
	}

	get items(): readonly TimelineItem[] {
		return this.view?.items ?? [];
	}

	/** Who the viewer's own bridge told of an unacknowledged alert, and when (only its verified events). */
	get alertSteps(): readonly AlertStep[] {
		return this.view?.alertSteps ?? [];
	}

	get alertAcks(): readonly AlertAck[] {
		return this.view?.alertAcks ?? [];
	}

	/**
	 * The lapsing preservations the viewer's own bridge is escalating here that no one of their authority has said
	 * they have (issue 16): opening the page says it for the viewer, which stops the escalation for everyone.
	 */
	get alertsToAcknowledge(): string[] {
		const acked = this.alertAcks.map((a) => a.alert);
		const open = this.alertSteps.filter((s) => s.kind === 'preservation-lapsing' && !acked.includes(s.alert)).map((s) => s.alert);
		return open.filter((alert, i) => open.indexOf(alert) === i);
	}

	/** Says the viewer has the alert in hand; whether the homeserver took it. */
	acknowledgeAlert(alertId: string): Promise<boolean> {
		return this.#cases.acknowledgeAlert(this.#roomId, alertId);
	}

	/** A person of the room by display name and authority (people.ts). */
	person(userId: string): Person {
		const { roster, servers } = this.#cases.parties;
		return personOf(userId, { roster, servers, names: this.view?.names ?? NO_NAMES });
	}

	/** The room's other joined members, as people (for their trust and verification). */
	get others(): readonly Person[] {
		const me = this.#cases.userId;
		return (this.view?.members ?? []).filter((id) => id !== me).map((id) => this.person(id));
	}

	get moves(): TransitionRule[] {
		const record = this.record;
		return record === undefined || this.movesWaiting ? [] : this.#cases.movesFor(record);
	}

	/** A status change of this room is queued or on its way; the next must follow it, so moves wait. */
	get movesWaiting(): boolean {
		return this.#cases.outbox.statusChangePending(this.#roomId);
	}

	/** What the viewer sent here that the room does not show yet. */
	get queued(): readonly OutboxEntry[] {
		return this.#cases.outbox.forRoom(this.#roomId);
	}

	/** The viewer confirmed a sender's new identity with them: it counts from now on. */
	async approveIdentity(userId: string): Promise<void> {
		if (!(await this.#cases.approveIdentity(userId))) this.#fail({ kind: 'failed' });
	}

	retry(txnId: string): void {
		this.#cases.outbox.retry(txnId);
	}

	discard(txnId: string): void {
		this.#cases.outbox.discard(txnId);
	}

	get chosenMove(): TransitionRule | undefined {
		return this.moves.find((move) => move.to === this.moveTo);
	}

	get problem(): PageProblem | undefined {
		return this.#problem;
	}

	get preparing(): boolean {
		return this.#preparing;
	}

	/** How far a queued attachment's upload has come, while it uploads. */
	uploadOf(txnId: string): Transfer | undefined {
		return this.#cases.outbox.uploadOf(txnId);
	}

	download(id: string): Transfer | undefined {
		return this.#downloads[id];
	}

	get maxAttachmentBytes(): number {
		return this.#cases.attachments.maxBytes;
	}

	/** Queues the chosen move (the outbox sends it); false with `problem` set when it is refused here. */
	move(language: Language): boolean {
		const record = this.record;
		const move = this.chosenMove;
		if (record === undefined || move === undefined) return false;
		if (move.reason === 'required' && this.reason.trim() === '') return this.#fail({ kind: 'reason-required' });
		return this.#queued(this.#cases.move(record, move.to, this.reason.trim(), language), () => {
			this.moveTo = '';
			this.reason = '';
		});
	}

	/** Whether the viewer may say they have the request in hand ("I have it"): requested side, not said yet. */
	get canAcknowledge(): boolean {
		const record = this.record;
		return record !== undefined && this.#cases.canAcknowledge(record);
	}

	/** Queues the viewer's acknowledgement; false with `problem` set when it is refused here. */
	acknowledge(language: Language): boolean {
		const record = this.record;
		if (record === undefined) return false;
		return this.#queued(this.#cases.acknowledge(record, language), () => {});
	}

	/**
	 * Whether opening the page says a person has the request (issue 16): an
	 * urgent or immediate request that nobody of the requested side has
	 * acknowledged yet, opened by one of them. It stops the alerts to the
	 * people on duty; a routine request waits for "I have it".
	 */
	get acknowledgesOnOpen(): boolean {
		const record = this.record;
		return record !== undefined && record.fields.urgency !== 'routine' && record.acknowledgements.length === 0 && this.canAcknowledge;
	}

	/** The viewer's side's own reference, as the record has it now. */
	get ownReference(): string | undefined {
		const record = this.record;
		if (record === undefined) return undefined;
		const side = this.#cases.sideIn(record);
		return side === undefined ? undefined : record.references[side];
	}

	get canSetReference(): boolean {
		const record = this.record;
		return record !== undefined && this.#cases.sideIn(record) !== undefined;
	}

	setReference(language: Language): boolean {
		const record = this.record;
		if (record === undefined || this.reference.trim() === '') return false;
		if (this.referenceReason.trim() === '') return this.#fail({ kind: 'reason-required' });
		return this.#queued(this.#cases.setOwnReference(record, this.reference.trim(), this.referenceReason.trim(), language), () => {
			this.reference = '';
			this.referenceReason = '';
		});
	}

	/** The fields the viewer's side may amend (references aside). */
	get amendable(): AmendableField[] {
		const record = this.record;
		return record === undefined ? [] : amendableFields(this.#cases.sideIn(record));
	}

	/** Starts (or restarts) an amendment of `field` from its current value. */
	chooseAmendment(field: AmendableField | ''): void {
		const record = this.record;
		if (record !== undefined) this.amendment = draftOf(field, record.fields);
	}

	amend(language: Language, today: string = calendarDate(Date.now())): boolean {
		const record = this.record;
		const draft = this.amendment;
		if (record === undefined || draft === undefined) return false;
		const changes = changesOf(draft, record.fields, today);
		if (!changes.ok) return this.#fail({ kind: 'amend', problem: changes.error });
		return this.#queued(this.#cases.amend(record, changes.value, draft.reason.trim(), language), () => {
			this.amendment = undefined;
		});
	}

	settle(language: Language): boolean {
		const record = this.record;
		if (record === undefined || this.settleChoice === '') return false;
		if (this.settleReason.trim() === '') return this.#fail({ kind: 'reason-required' });
		return this.#queued(this.#cases.settle(record, this.settleChoice as TransitionId, this.settleReason.trim(), language), () => {
			this.settleChoice = '';
			this.settleReason = '';
		});
	}

	write(): boolean {
		const text = this.message.trim();
		if (text === '') return false;
		return this.#queued(this.#cases.write(this.#roomId, text, this.replyTo), () => {
			this.message = '';
			this.replyTo = undefined;
		});
	}

	/** Encrypts the file and queues it; its upload shows with the queued message. */
	async attach(file: File): Promise<boolean> {
		this.#problem = undefined;
		if (file.size > this.maxAttachmentBytes) return this.#fail({ kind: 'too-large', size: file.size, limit: this.maxAttachmentBytes });
		this.#preparing = true;
		try {
			const bytes = new Uint8Array(await file.arrayBuffer());
			const queued = await this.#cases.attachments.attach(this.#roomId, { name: file.name, type: file.type, bytes });
			return queued.ok ? true : this.#fail({ kind: 'file-not-kept' });
		} catch {
			// The file could not be read (moved, or its permission gone): said, not lost silently.
			return this.#fail({ kind: 'file-not-kept' });
		} finally {
			this.#preparing = false;
		}
	}

	/** Downloads and decrypts an attachment; resolves with its bytes. */
	async fetch(item: Extract<TimelineItem, { kind: 'file' }>): Promise<Uint8Array | undefined> {
		this.#problem = undefined;
		this.#downloads = { ...this.#downloads, [item.id]: { loaded: 0, total: item.size } };
		try {
			const got = await this.#cases.attachments.download(item, (t) => (this.#downloads = { ...this.#downloads, [item.id]: t }));
			if (got.ok) return got.value;
			this.#fail(got.error.kind === 'tampered' ? { kind: 'tampered' } : { kind: 'failed' });
			return undefined;
		} finally {
			const { [item.id]: _done, ...rest } = this.#downloads;
			this.#downloads = rest;
		}
	}

	/** After an action is queued: clears its form, or says why it was refused here. */
	#queued(result: Result<void, ActionProblem>, clear: () => void): boolean {
		this.#problem = undefined;
		if (result.ok) {
			clear();
			return true;
		}
		if (result.error.kind !== 'invalid-event') return this.#fail({ kind: 'failed' });
		console.debug('[case page] refused', result.error.reason);
		return this.#fail({ kind: 'refused', code: result.error.code });
	}

	#fail(problem: PageProblem): false {
		this.#problem = problem;
		return false;
	}
}
