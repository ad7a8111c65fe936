// A register held in memory, for tests of the pages' loading logic.
import { err, ok } from '#policies/result.ts';
import type { ExportFormat, Refusals, RegisterEntry, RegisterSource, RegisterStatistics } from './types.ts';

export const EMPTY_STATISTICS: RegisterStatistics = {
	total: 0,
	byKind: [],
	byStatus: [],
	byCountry: [],
	byNetwork: [],
	stages: [],
	overdue: { total: 0, byKind: [] },
};

export class FakeRegisterSource implements RegisterSource {
	readonly #entries: readonly RegisterEntry[];
	readonly #statistics: RegisterStatistics;
	readonly #refusals: Refusals;
	readonly #failing: string | undefined;
	closed = false;

	constructor(
		options: { entries?: readonly RegisterEntry[]; statistics?: RegisterStatistics; refusals?: Refusals; failing?: string } = {},
	) {
		this.#entries = options.entries ?? [];
		this.#statistics = options.statistics ?? { ...EMPTY_STATISTICS, total: this.#entries.length };
		this.#refusals = options.refusals ?? { events: [], identities: [] };
		this.#failing = options.failing;
	}

	refusals() {
		return this.#failing === undefined ? ok(this.#refusals) : err(this.#failing);
	}

	entries() {
		return this.#failing === undefined ? ok(this.#entries) : err(this.#failing);
	}

	statistics() {
		return this.#failing === undefined ? ok(this.#statistics) : err(this.#failing);
	}

	exported(format: ExportFormat) {
		if (this.#failing !== undefined) return err(this.#failing);
		return ok(format === 'json' ? JSON.stringify(this.#entries) : this.#entries.map((e) => e.roomId).join('\n'));
	}

	close(): void {
		this.closed = true;
	}
}
