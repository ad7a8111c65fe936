// Case rooms seen from a Node matrix-js-sdk client, for the integration
// tests and benchmarks: send a case event built by policies/cases, and keep
// a room's decrypted case events folded into its record as they arrive —
// what the browser and the bridge do, without their UI or register.
import * as sdk from 'matrix-js-sdk';
import {
	CASE_KEY,
	buildCaseContent,
	foldCase,
	rendererFor,
	type CaseEvent,
	type CaseEventEnvelope,
	type CaseRecord,
	type EventId,
	type FoldContext,
	type Opened,
	type UserId,
} from '../../policies/cases/index.ts';
import type { AuthorityId, Language } from '../../policies/roster/types.ts';

/** A mutual legal assistance request's opening as the tests send it: money laundering, UNTOC art. 18, formal. */
export function mlaOpening(options: {
	readonly requesting: AuthorityId;
	readonly requested: AuthorityId;
	readonly title: string;
	readonly urgency?: 'routine' | 'urgent' | 'immediate';
	readonly reference?: string;
}): Opened {
	return {
		type: 'opened',
		kind: 'mla',
		workflow: 'mla.v1' as Opened['workflow'],
		requesting: options.requesting,
		requested: options.requested,
		fields: {
			title: options.title,
			...(options.reference === undefined ? {} : { requestingReference: options.reference as never }),
			legalBasis: { type: 'untoc', citation: 'UNTOC art. 18' },
			offences: [{ code: 'money-laundering' as never, serious: true }],
			urgency: options.urgency ?? 'routine',
			channel: 'formal',
		},
	};
}

/** Sends one case event as an encrypted m.room.message; resolves with its event ID. */
export async function sendCaseEvent(
	client: sdk.MatrixClient,
	roomId: string,
	event: CaseEvent,
	language: Language = 'en',
): Promise<EventId> {
	const built = buildCaseContent(event, rendererFor(language));
	if (!built.ok) throw new Error(`case event refused before sending: ${built.error.reason}`);
	const { event_id } = await client.sendMessage(roomId, built.value as never);
	return event_id as EventId;
}

/** A room's case record, refolded whenever a decrypted case event arrives. */
export class FoldedCaseRoom {
	readonly #envelopes = new Map<string, CaseEventEnvelope>();
	readonly #waiters = new Set<() => void>();
	readonly #client: sdk.MatrixClient;
	readonly #context: FoldContext;
	#record: CaseRecord;

	constructor(client: sdk.MatrixClient, context: FoldContext) {
		this.#client = client;
		this.#context = context;
		this.#record = foldCase([], context);
		client.on(sdk.MatrixEventEvent.Decrypted, this.#seen);
		client.on(sdk.RoomEvent.Timeline, this.#seen);
		// Our own events get their real ID after the local echo: that is when they count.
		client.on(sdk.RoomEvent.LocalEchoUpdated, this.#seen);
		for (const event of client.getRoom(context.room)?.getLiveTimeline().getEvents() ?? []) this.#seen(event);
	}

	get record(): CaseRecord {
		return this.#record;
	}

	/** Resolves once the folded record satisfies `check`. */
	until(check: (record: CaseRecord) => boolean): Promise<CaseRecord> {
		return new Promise((resolve) => {
			const test = (): void => {
				if (!check(this.#record)) return;
				this.#waiters.delete(test);
				resolve(this.#record);
			};
			this.#waiters.add(test);
			test();
		});
	}

	stop(): void {
		this.#client.off(sdk.MatrixEventEvent.Decrypted, this.#seen);
		this.#client.off(sdk.RoomEvent.Timeline, this.#seen);
		this.#client.off(sdk.RoomEvent.LocalEchoUpdated, this.#seen);
	}

	readonly #seen = (event: sdk.MatrixEvent): void => {
		// NOTE: like every reader (policies/trust), events sent in the clear never count.
		if (event.getRoomId() !== this.#context.room || !event.isEncrypted() || event.isBeingDecrypted() || event.isDecryptionFailure()) return;
		if (event.getType() !== 'm.room.message' || !(CASE_KEY in event.getContent())) return;
		// NOTE: our own events count only once the server has echoed them back:
		// before that (status sending/sent) they carry the local clock's time,
		// and the fold must see the same origin_server_ts on every side.
		if (event.status !== null) return;
		const id = event.getId();
		if (id === undefined || id.startsWith('~') || this.#envelopes.get(id)?.originServerTs === event.getTs()) return;
		this.#envelopes.set(id, {
			eventId: id as EventId,
			sender: event.getSender() as UserId,
			originServerTs: event.getTs(),
			content: event.getContent(),
		});
		this.#record = foldCase([...this.#envelopes.values()], this.#context);
		for (const waiter of [...this.#waiters]) waiter();
	};
}
