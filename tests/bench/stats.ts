// Percentiles and the one-JSON-object-per-line output of `npm run bench`.

/** The p-th percentile (0–100) of the samples, nearest-rank method. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) return Number.NaN;
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface BenchLine {
	readonly metric: string;
	readonly value: number;
	readonly unit: string;
	/** A reference measured in the same run, in the same unit. */
	readonly baseline: number;
	readonly n: number;
	readonly [extra: string]: unknown;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Prints one metric as a JSON line with ratio = value / baseline. */
export function report(line: BenchLine): void {
	console.log(
		JSON.stringify({ ...line, value: round(line.value), baseline: round(line.baseline), ratio: round(line.value / line.baseline) }),
	);
}
