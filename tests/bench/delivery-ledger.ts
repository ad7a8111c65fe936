// The books of a load bench (production_load): what each client sent —
// event id, body, when — and what the other clients decrypted, and from the
// two, what was delivered, how long each took, what was lost (sent, never
// decrypted by its receiver), what came twice (one body under two event ids:
// a send repeated) and what arrived that nobody sent. Pure: the times are
// given, in milliseconds on one clock.

export interface Sent {
	readonly eventId: string;
	readonly body: string;
	readonly at: number;
}

export interface Received {
	readonly eventId: string;
	readonly body: string;
	readonly at: number;
}

export interface LedgerSummary {
	readonly sent: number;
	readonly delivered: number;
	/** Event ids sent and never decrypted by the receiver. */
	readonly lost: readonly string[];
	/** Bodies decrypted under more than one event id. */
	readonly duplicated: readonly string[];
	/** Event ids decrypted whose body differs from the one sent, or that no send returned. */
	readonly unexpected: readonly string[];
	/** Send → decrypted, one per delivered event, in send order. */
	readonly latenciesMs: readonly number[];
	/** The first send and the last delivery (NaN when nothing was delivered). */
	readonly firstSentAt: number;
	readonly lastDeliveredAt: number;
}

export class DeliveryLedger {
	readonly #sent = new Map<string, Sent>();
	/** Event id → the first time it was decrypted, with its body. */
	readonly #received = new Map<string, Received>();

	sent(entry: Sent): void {
		this.#sent.set(entry.eventId, entry);
	}

	/** A receiver decrypted an event; the same event seen again (timeline and decryption both fire) counts once. */
	received(entry: Received): void {
		if (!this.#received.has(entry.eventId)) this.#received.set(entry.eventId, entry);
	}

	/** The books; with `only`, of the messages whose bodies it accepts alone (one direction, say). */
	summary(only: (body: string) => boolean = () => true): LedgerSummary {
		const sent = [...this.#sent.values()].filter((e) => only(e.body)).sort((a, b) => a.at - b.at);
		const latenciesMs: number[] = [];
		const lost: string[] = [];
		let lastDeliveredAt = Number.NaN;
		for (const s of sent) {
			const r = this.#received.get(s.eventId);
			if (r === undefined || r.body !== s.body) {
				lost.push(s.eventId);
				continue;
			}
			latenciesMs.push(r.at - s.at);
			lastDeliveredAt = Number.isNaN(lastDeliveredAt) ? r.at : Math.max(lastDeliveredAt, r.at);
		}
		const idsByBody = new Map<string, Set<string>>();
		const unexpected: string[] = [];
		for (const r of this.#received.values()) {
			if (!only(r.body)) continue;
			const ids = idsByBody.get(r.body) ?? new Set<string>();
			ids.add(r.eventId);
			idsByBody.set(r.body, ids);
			if (this.#sent.get(r.eventId)?.body !== r.body) unexpected.push(r.eventId);
		}
		const duplicated = [...idsByBody].filter(([, ids]) => ids.size > 1).map(([body]) => body);
		return {
			sent: sent.length,
			delivered: latenciesMs.length,
			lost,
			duplicated,
			unexpected,
			latenciesMs,
			firstSentAt: sent[0]?.at ?? Number.NaN,
			lastDeliveredAt,
		};
	}
}

/** Messages delivered per second, from the first send until the last delivery. */
export function deliveredPerSecond(summary: LedgerSummary): number {
	const spanMs = summary.lastDeliveredAt - summary.firstSentAt;
	return summary.delivered > 0 && spanMs > 0 ? (summary.delivered * 1000) / spanMs : 0;
}
