// Which case rooms are catching up, and when a catch-up is done (issue 14). A
// homeserver back from a fault can hold a gap in a room that /sync never
// fills (docs/matrix-notes.md): the SDK then resets the room's live timeline
// (a `limited` sync) and the events before the reset are gone from it; or,
// after an outage, the live timeline may lack events the homeserver only
// gets by backfill (the feed checks, and resets it itself when it does).
// Such a room is read again back to its creation
// (which makes the homeserver backfill) and then checked against a fresh
// walk of the homeserver's history: while that walk finds messages the
// timeline lacks (the server's backfill was itself partial), the timeline is
// read again, a bounded number of rounds. No SDK here: case-room-feed.ts
// does the reading and calls this.

/** Rounds of reading again after the first, before a room is let be with what it has. */
export const MAX_EXTRA_ROUNDS = 3;

/** What to do once a catch-up's read and check are over. */
export type CatchUpStep =
	/** The history is whole (or the rounds are spent): the room shows what it holds. */
	| 'done'
	/** The homeserver holds messages the timeline lacks: read the room again from a fresh live timeline. */
	| 'again'
	/** The room was reset or rechecked meanwhile: this read is superseded; the newer one decides. */
	| 'stale';

export class CatchUps {
	readonly #generation = new Map<string, number>();
	readonly #rounds = new Map<string, number>();
	readonly #catching = new Set<string>();

	/** The room's live timeline was replaced (by a sync, or by the catch-up itself when `own`): its history is read again. */
	reset(roomId: string, own: boolean): void {
		this.#generation.set(roomId, this.generation(roomId) + 1);
		this.#catching.add(roomId);
		if (!own) this.#rounds.delete(roomId);
	}

	/** Whether the room is catching up: what its timeline holds now is not known to be its whole history. */
	catching(roomId: string): boolean {
		return this.#catching.has(roomId);
	}

	/** The room's current generation, to hand back to `checked`. */
	generation(roomId: string): number {
		return this.#generation.get(roomId) ?? 0;
	}

	/** Whether a read begun at `generation` is still the room's latest. */
	current(roomId: string, generation: number): boolean {
		return this.generation(roomId) === generation;
	}

	/**
	 * A read begun at `generation` is over and its check found `missing`
	 * messages the homeserver holds and the timeline lacks (undefined: the
	 * check could not be made, the read is taken as it is).
	 */
	checked(roomId: string, generation: number, missing: number | undefined): CatchUpStep {
		if (!this.current(roomId, generation)) return 'stale';
		const rounds = this.#rounds.get(roomId) ?? 0;
		if (missing !== undefined && missing > 0 && rounds < MAX_EXTRA_ROUNDS) {
			this.#rounds.set(roomId, rounds + 1);
			return 'again';
		}
		this.#rounds.delete(roomId);
		this.#catching.delete(roomId);
		return 'done';
	}

	/** Forgets the room (left, or no longer a case room). */
	forget(roomId: string): void {
		this.#catching.delete(roomId);
		this.#rounds.delete(roomId);
	}
}

/** The messages of `server` (event IDs, newest first or not) that `held` lacks. */
export function missingFrom(held: ReadonlySet<string>, server: readonly string[]): string[] {
	return server.filter((id) => !held.has(id));
}
