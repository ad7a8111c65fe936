import { describe, expect, it } from 'vitest';
import { memorySummary, residentKiB, vmRssKiB } from './process-memory.ts';

const STATUS = ['Name:\tpython', 'State:\tS (sleeping)', 'VmPeak:\t  400000 kB', 'VmRSS:\t  153600 kB', 'RssAnon:\t  100000 kB', ''].join(
	'\n',
);

describe('vmRssKiB', () => {
	it('reads VmRSS, not the other Vm lines', () => {
		expect(vmRssKiB(STATUS)).toBe(153_600);
	});

	it('is undefined when the process reports none', () => {
		expect(vmRssKiB('Name:\tkthreadd\nState:\tS (sleeping)\n')).toBeUndefined();
	});
});

describe('residentKiB', () => {
	it('reads this process’s own memory, and throws for a process that does not exist', () => {
		expect(residentKiB(process.pid)).toBeGreaterThan(1024);
		expect(() => residentKiB(2 ** 30)).toThrow();
	});
});

describe('memorySummary', () => {
	it('totals the readings and names the largest, in MiB', () => {
		const summary = memorySummary(
			new Map([
				['aa', 102_400],
				['bb', 204_800],
				['cc', 153_600],
			]),
		);
		expect(summary).toEqual({ totalMiB: 450, maxMiB: 200, maxOf: 'bb', byNameMiB: { aa: 100, bb: 200, cc: 150 } });
	});

	it('refuses to summarise nothing', () => {
		expect(() => memorySummary(new Map())).toThrow();
	});
});
