// Each case-room message's trust verdict (policies/trust), asked of the crypto
// once per event — the answer is asynchronous — and kept, so that the case
// and preservation folds take only events that count and the discussion can
// say why it does not vouch for the others. A room is folded only once every
// message in it has its verdict (CaseRooms awaits settle()), so a record never
// counts an event it has not judged.
import { judgeArrival, type Arrival, type TrustVerdict } from '#policies/trust/index.ts';

/** Asks how one event arrived; undefined when the event is gone. */
export type AskArrival = (eventId: string) => Promise<Arrival | undefined>;

export interface Judged {
	readonly id: string;
	readonly sender: string;
}

export class EventTrust {
	readonly #verdicts = new Map<string, { readonly sender: string; readonly verdict: TrustVerdict }>();
	readonly #asking = new Map<string, Promise<void>>();

	/** The event's verdict, once known. */
	verdict(eventId: string): TrustVerdict | undefined {
		return this.#verdicts.get(eventId)?.verdict;
	}

	/** Whether the event counts: known and trusted. An event not judged yet does not. */
	counts(eventId: string): boolean {
		return this.verdict(eventId)?.counts === true;
	}

	/** Judges every event not judged yet; resolves when all of them are. A failed ask leaves the event unjudged (asked again next time). */
	async settle(events: readonly Judged[], ask: AskArrival): Promise<void> {
		await Promise.all(
			events.map((event) => {
				if (this.#verdicts.has(event.id)) return Promise.resolve();
				let asking = this.#asking.get(event.id);
				if (asking === undefined) {
					asking = ask(event.id)
						.then((arrival) => {
							if (arrival !== undefined) this.#verdicts.set(event.id, { sender: event.sender, verdict: judgeArrival(arrival) });
						})
						.catch(() => undefined)
						.finally(() => this.#asking.delete(event.id));
					this.#asking.set(event.id, asking);
				}
				return asking;
			}),
		);
	}

	/** Forgets the verdicts on a sender's events (their identity was approved again): they are judged anew. */
	forgetSender(sender: string): void {
		for (const [id, known] of this.#verdicts) if (known.sender === sender) this.#verdicts.delete(id);
	}
}
