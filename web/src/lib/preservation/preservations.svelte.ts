// Preservation records in the browser: each case room's preservation events
// folded with its case's parties (policies/preservation/record), and the
// actions of the case page's Preservation section. The events are those
// CaseRooms keeps of each room (the ones that count, read from the case-room
// feed), so the records are recomputed whenever CaseRooms refolds the room
// (every timeline or decryption event): reading `cases.room()` makes them
// depend on it.
// NOTE: actions are sent straight away (not through the case outbox): a
// refused send shows a problem and the form keeps what was typed.
import {
	buildPreservationContent,
	compareUrgency,
	foldPreservations,
	type PreservationEvent,
	type PreservationFold,
	type PreservationRecord,
} from '#policies/preservation/record/index.ts';
import type { OpenedCase, RoomId, Side } from '#policies/cases/index.ts';
import type { Language } from '#policies/roster/types.ts';
import type { CaseRooms } from '../cases/case-rooms.svelte.ts';
import type { RefusalCode } from '../cases/refusal.ts';
import { emptyDraft, localInputToIso, requestOf, type RequestDraft, type RequestProblem } from './request-form.ts';
import { viewerZone } from './expiry.ts';

export type PreservationProblem =
	| { readonly kind: 'form'; readonly problem: RequestProblem }
	| { readonly kind: 'confirmed-at' }
	| { readonly kind: 'follow-up' }
	/** Refused before anything was sent, for a reason the page words (cases/refusal-text.ts). */
	| { readonly kind: 'refused'; readonly code: RefusalCode }
	| { readonly kind: 'failed' };

const EMPTY: PreservationFold = { records: [], rejected: [] };

/** The preservations of one case room, folded. */
export function preservationsIn(cases: CaseRooms, roomId: string): PreservationFold {
	const view = cases.room(roomId);
	if (view === undefined) return EMPTY;
	const record = view.record;
	return foldPreservations(view.preservations, {
		room: roomId as RoomId,
		parties: record.opened ? record.parties : undefined,
		servers: cases.parties.servers,
	});
}

export interface DashboardPreservation {
	readonly record: PreservationRecord;
	readonly caseRecord: OpenedCase;
}

/** Every preservation in the viewer's cases, most urgent first. */
export function allPreservations(cases: CaseRooms, now: number): DashboardPreservation[] {
	return cases.records
		.flatMap((caseRecord) => preservationsIn(cases, caseRecord.room).records.map((record) => ({ record, caseRecord })))
		.sort((a, b) => compareUrgency(a.record, b.record, now));
}

export class PreservationSection {
	readonly #cases: CaseRooms;
	readonly #roomId: string;
	draft = $state<RequestDraft>(emptyDraft());
	/** Per preservation: the confirmation date-time typed, the follow-up room or reference, the release note. */
	confirmedAt = $state<Record<string, string>>({});
	followRoom = $state<Record<string, string>>({});
	followReference = $state<Record<string, string>>({});
	releaseNote = $state<Record<string, string>>({});
	#problem = $state<PreservationProblem | undefined>();

	constructor(cases: CaseRooms, roomId: string) {
		this.#cases = cases;
		this.#roomId = roomId;
	}

	get folded(): PreservationFold {
		return preservationsIn(this.#cases, this.#roomId);
	}

	get side(): Side | undefined {
		const record = this.#cases.room(this.#roomId)?.record;
		return record?.opened === true ? this.#cases.sideIn(record) : undefined;
	}

	/** The preservations (in other cases) whose follow-up MLA request is this case. */
	get followedUp(): DashboardPreservation[] {
		return allPreservations(this.#cases, 0).filter((p) => p.record.followUp?.room === this.#roomId);
	}

	/** The viewer's other cases, for the follow-up's link. */
	get otherCases(): OpenedCase[] {
		return this.#cases.records.filter((r) => r.room !== this.#roomId);
	}

	get problem(): PreservationProblem | undefined {
		return this.#problem;
	}

	request(language: Language, now: number = Date.now()): boolean {
		const made = requestOf(this.draft, now, viewerZone());
		if (!made.ok) return this.#fail({ kind: 'form', problem: made.error });
		const sent = this.#send(made.value, language);
		if (sent) this.draft = emptyDraft();
		return sent;
	}

	confirm(record: PreservationRecord, language: Language): boolean {
		const iso = localInputToIso(this.confirmedAt[record.id] ?? '', viewerZone());
		if (iso === undefined) return this.#fail({ kind: 'confirmed-at' });
		// The period runs from this date: one in the future would move the expiry.
		if (Date.parse(iso) > Date.now()) return this.#fail({ kind: 'confirmed-at' });
		return this.#send({ type: 'preservation-confirmed', preservation: record.id, confirmedAt: iso }, language);
	}

	extend(record: PreservationRecord, language: Language): boolean {
		return this.#send({ type: 'preservation-extended', preservation: record.id, extension: record.extensions.length + 1 }, language);
	}

	followUp(record: PreservationRecord, language: Language): boolean {
		const room = (this.followRoom[record.id] ?? '').trim();
		const reference = (this.followReference[record.id] ?? '').trim();
		if (room === '' && reference === '') return this.#fail({ kind: 'follow-up' });
		const sent = this.#send(
			{
				type: 'preservation-follow-up',
				preservation: record.id,
				...(room === '' ? {} : { room: room as RoomId }),
				...(reference === '' ? {} : { reference }),
			},
			language,
		);
		// The case record carries the link too, both ways, so the registers and stock clients see it.
		if (sent && room !== '') {
			const linked = this.#cases.linkBothWays(this.#roomId, room, 'preservation-mla', 'earlier', language);
			if (!linked.ok) {
				if (linked.error.kind !== 'invalid-event') return this.#fail({ kind: 'failed' });
				console.debug('[preservation] link refused', linked.error.reason);
				return this.#fail({ kind: 'refused', code: linked.error.code });
			}
		}
		return sent;
	}

	release(record: PreservationRecord, language: Language): boolean {
		const note = (this.releaseNote[record.id] ?? '').trim();
		return this.#send({ type: 'preservation-released', preservation: record.id, ...(note === '' ? {} : { note }) }, language);
	}

	#send(event: PreservationEvent, language: Language): boolean {
		const built = buildPreservationContent(event, language);
		if (!built.ok) {
			console.debug('[preservation] refused', built.error.reason);
			return this.#fail({ kind: 'refused', code: built.error.code });
		}
		this.#problem = undefined;
		// Through the case rooms' outbox: queued while offline, sent once, shown as pending until the room has it.
		this.#cases.outbox.enqueue(this.#roomId, built.value as unknown as Record<string, unknown>);
		return true;
	}

	#fail(problem: PreservationProblem): false {
		this.#problem = problem;
		return false;
	}
}
