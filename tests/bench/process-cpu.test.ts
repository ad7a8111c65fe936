import { describe, expect, it } from 'vitest';
import { cpuSeconds, cpuTicks } from './process-cpu.ts';

describe('cpuTicks (/proc/<pid>/stat)', () => {
	it('adds utime and stime, fields 14 and 15', () => {
		expect(cpuTicks('1234 (python) S 1 1234 1234 0 -1 4194560 5000 0 0 0 731 42 0 0 20 0 1 0 100 0 0')).toBe(773);
	});

	it('reads past a command name with spaces and parentheses', () => {
		expect(cpuTicks('77 (a (b) c) R 1 77 77 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 9 0 0')).toBe(15);
	});

	it('is undefined for what it cannot parse', () => {
		expect(cpuTicks('')).toBeUndefined();
		expect(cpuTicks('1 (x) S 1')).toBeUndefined();
	});
});

describe('cpuSeconds', () => {
	it('reads this process’s own time, and counts a process that is not there as nothing', () => {
		expect(cpuSeconds([process.pid])).toBeGreaterThan(0);
		expect(cpuSeconds([2 ** 22 + 1])).toBe(0);
	});
});
