// When the bridge re-sends its authority's entries to a directory room
// (docs/directory.md, "Late joiners"): one re-send per network gathers a
// burst of joins; a sooner one replaces a later one, so a join never waits
// behind a re-send held back for new devices, and one gathered for a device
// is put off until the burst after a join seen meanwhile (the joiner's devices
// must be known to the crypto before the entries are encrypted); re-sends for new devices come
// no sooner than a floor after the last one for devices, so a member adding
// devices cannot make the bridge flood the room. One exception: the first new
// device of someone who joined within the floor goes in the next burst. A
// person who joins from a new browser signs that browser's device while (or
// just after) the join's re-send goes out, so the re-send may miss it; their
// first device since the join must not then wait out the floor another
// member's device set. It adds at most one re-send per join, and joins are not
// held to the floor anyway. A device's own ask (policies/directory/events/
// ask.ts) is answered in the next burst, but at most once per ask floor per
// network, so that members asking over and over cannot flood the room either.
export interface ResendTiming {
	/** How long a burst of joins is gathered. */
	readonly afterMs: number;
	/** The least time between two re-sends to one network for new devices. */
	readonly deviceFloorMs: number;
	/** The least time between two re-sends to one network for asks (default 30 s). */
	readonly askFloorMs?: number;
}

export class DirectoryResends {
	readonly #timing: ResendTiming;
	readonly #gathered = new Map<
		string,
		{ readonly timer: ReturnType<typeof setTimeout>; readonly due: number; readonly forJoin: boolean }
	>();
	readonly #deviceResentAt = new Map<string, number>();
	readonly #askResentAt = new Map<string, number>();
	/** Network → member → when they joined, until their first new device (or the floor) passes. */
	readonly #joinedAt = new Map<string, Map<string, number>>();
	#stopped = false;

	constructor(timing: ResendTiming) {
		this.#timing = timing;
	}

	/** Someone joined: `run` after the burst. */
	forJoin(network: string, run: () => void, member?: string): void {
		if (member !== undefined) {
			const joined = this.#joinedAt.get(network) ?? new Map<string, number>();
			joined.set(member, Date.now());
			this.#joinedAt.set(network, joined);
		}
		const gathered = this.#gathered.get(network);
		if (gathered !== undefined && !gathered.forJoin) {
			clearTimeout(gathered.timer);
			this.#gathered.delete(network);
		}
		this.#gather(network, this.#timing.afterMs, run, true);
	}

	/** Members signed a new device: `run` after the burst, or at the floor after the last re-send for devices. */
	forDevice(network: string, run: () => void, members: readonly string[] = []): void {
		const now = Date.now();
		if (this.#firstSinceJoin(network, members, now)) {
			this.#gather(network, this.#timing.afterMs, run, false);
			return;
		}
		const floor = (this.#deviceResentAt.get(network) ?? -Infinity) + this.#timing.deviceFloorMs;
		const after = Math.max(this.#timing.afterMs, floor - now);
		if (this.#gather(network, after, run, false)) this.#deviceResentAt.set(network, now + after);
	}

	/** A member's device asked for the entries: `run` after the burst, or at the ask floor after the last re-send for asks. */
	forAsk(network: string, run: () => void): void {
		const now = Date.now();
		const floor = (this.#askResentAt.get(network) ?? -Infinity) + (this.#timing.askFloorMs ?? 30_000);
		const after = Math.max(this.#timing.afterMs, floor - now);
		if (this.#gather(network, after, run, false)) this.#askResentAt.set(network, now + after);
	}

	/** Whether one of `members` joined within the floor and has had no new device since (that one is used up). */
	#firstSinceJoin(network: string, members: readonly string[], now: number): boolean {
		const joined = this.#joinedAt.get(network);
		if (joined === undefined) return false;
		for (const [member, at] of joined) if (now - at >= this.#timing.deviceFloorMs) joined.delete(member);
		const first = members.find((member) => joined.has(member));
		if (first === undefined) return false;
		joined.delete(first);
		return true;
	}

	stop(): void {
		this.#stopped = true;
		for (const { timer } of this.#gathered.values()) clearTimeout(timer);
		this.#gathered.clear();
	}

	/** One re-send per network: a sooner one replaces a later one; whether this one is gathered. */
	#gather(network: string, afterMs: number, run: () => void, forJoin: boolean): boolean {
		const due = Date.now() + afterMs;
		const gathered = this.#gathered.get(network);
		if (this.#stopped || (gathered !== undefined && gathered.due <= due)) return false;
		if (gathered !== undefined) clearTimeout(gathered.timer);
		const timer = setTimeout(() => {
			this.#gathered.delete(network);
			run();
		}, afterMs);
		this.#gathered.set(network, { timer, due, forJoin });
		return true;
	}
}
