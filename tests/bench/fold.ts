// Metric `fold`: the time to fold 10,000 cases of 20 events each into case
// records with the shared fold of policies/cases (what a browser or a bridge
// does on start), against `JSON.parse` of the same events' JSON as the
// baseline — the least any client must do to read them. Best of 3 rounds
// each, interleaved.
import { foldCase, type CaseEventEnvelope } from '../../policies/cases/index.ts';
import { CONTEXT } from '../../policies/cases/testing/fixtures.ts';
import { caseHistory } from './case-histories.ts';
import { report } from './stats.ts';

const CASES = 10_000;
const PER_CASE = 20;
const ROUNDS = 3;

export function foldMetric(): Promise<void> {
	const histories: CaseEventEnvelope[][] = Array.from({ length: CASES }, (_, i) => caseHistory(i, PER_CASE));
	const sample = foldCase(histories[0]!, CONTEXT);
	if (!('statusHistory' in sample) || sample.rejected.length > 0 || sample.statusHistory.length < 5) {
		throw new Error(`the benchmark's histories do not fold cleanly: ${JSON.stringify(sample.rejected)}`);
	}
	const json = histories.map((events) => JSON.stringify(events));
	const folds: number[] = [];
	const parses: number[] = [];
	let sink = 0;
	for (let round = 0; round < ROUNDS; round++) {
		let t0 = performance.now();
		for (const events of histories) sink += foldCase(events, CONTEXT).rejected.length;
		folds.push(performance.now() - t0);
		t0 = performance.now();
		for (const text of json) sink += (JSON.parse(text) as unknown[]).length;
		parses.push(performance.now() - t0);
	}
	report({
		metric: 'fold',
		value: Math.min(...folds),
		unit: 'ms',
		baseline: Math.min(...parses),
		baseline_is: 'JSON.parse of the same events, same run',
		n: CASES * PER_CASE,
		cases: CASES,
		events_per_case: PER_CASE,
		rounds: ROUNDS,
		checksum: sink,
	});
	return Promise.resolve();
}
