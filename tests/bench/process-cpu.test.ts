import { describe, expect, it } from 'vitest';
import { busyShare, childrenOf, cpuSeconds, cpuTicks, machineTicks, parentPid } from './process-cpu.ts';

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

describe('parentPid and childrenOf', () => {
	it('reads field 4, past a command name with parentheses', () => {
		expect(parentPid('77 (a (b) c) R 12 77 77 0 -1 0 0 0 0 0 10 5 0 0 20 0 1 0 9 0 0')).toBe(12);
		expect(parentPid('1 (x)')).toBeUndefined();
	});

	it('finds this process among its parent’s children', () => {
		expect(childrenOf(process.ppid)).toContain(process.pid);
	});
});

describe('cpuSeconds', () => {
	it('reads this process’s own time, and counts a process that is not there as nothing', () => {
		expect(cpuSeconds([process.pid])).toBeGreaterThan(0);
		expect(cpuSeconds([2 ** 22 + 1])).toBe(0);
	});
});

describe('machineTicks (/proc/stat)', () => {
	it('reads the all-CPU line: idle and iowait are not busy', () => {
		const stat = 'cpu  100 5 50 800 20 3 2 0 0 0\ncpu0 50 2 25 400 10 1 1 0 0 0\nintr 1\n';
		expect(machineTicks(stat)).toEqual({ busy: 160, total: 980 });
	});

	it('is undefined without the line', () => {
		expect(machineTicks('intr 1\n')).toBeUndefined();
	});

	it('gives the busy share between two readings', () => {
		expect(busyShare({ busy: 100, total: 400 }, { busy: 250, total: 600 })).toBe(0.75);
		expect(busyShare({ busy: 1, total: 1 }, { busy: 1, total: 1 })).toBeNaN();
	});
});
