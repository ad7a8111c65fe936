// What the crypto says of each decrypted message of the case rooms, asked once
// per event (the answer is asynchronous), so that the discussion can mark a
// message it cannot vouch for (lib/matrix/cases.ts, TrustWarning).
import type { TimelineItem, TrustWarning } from '../matrix/cases.ts';

/** Asks about one event; undefined when it deserves no warning (or the event is gone). */
export type AskTrust = (eventId: string) => Promise<TrustWarning | undefined>;

export class TrustWarnings {
	/** Each event's answer once the crypto has given it (null: none). */
	readonly #known = new Map<string, TrustWarning | null>();
	readonly #asked = new Set<string>();

	/** The items with the warnings known so far. */
	apply(items: readonly TimelineItem[]): TimelineItem[] {
		return items.map((item) => {
			const warning = item.kind === 'undecryptable' || item.warning !== undefined ? undefined : this.#known.get(item.id);
			return warning === undefined || warning === null ? item : { ...item, warning };
		});
	}

	/** Asks about every sent, decrypted item not asked about yet; `found` is called once if any deserves a warning. */
	ask(items: readonly TimelineItem[], askOne: AskTrust, found: () => void): void {
		const asks = items
			.filter((item) => item.kind !== 'undecryptable' && !item.pending && !this.#asked.has(item.id))
			.map(async (item) => {
				this.#asked.add(item.id);
				const warning = await askOne(item.id).catch(() => undefined);
				this.#known.set(item.id, warning ?? null);
				return warning !== undefined;
			});
		if (asks.length > 0)
			void Promise.all(asks).then((answers) => {
				if (answers.some(Boolean)) found();
			});
	}
}
