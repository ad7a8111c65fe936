// The resident memory of processes the bench started (Linux /proc), and the
// summary `plenary_fanout` reports for its homeservers: the total, and the
// largest with its name. VmRSS counts what a process holds in RAM now, shared
// libraries included, so a total over-counts pages the processes share.
import { readFileSync } from 'node:fs';

/** VmRSS in KiB from the text of /proc/<pid>/status, or undefined when absent (a kernel thread, a zombie). */
export function vmRssKiB(status: string): number | undefined {
	const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
	return match === null ? undefined : Number(match[1]);
}

/** The resident memory of a live process, in KiB; throws when it cannot be read (it has ended, or this is not Linux). */
export function residentKiB(pid: number): number {
	const kib = vmRssKiB(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (kib === undefined) throw new Error(`process ${pid} reports no VmRSS`);
	return kib;
}

export interface MemorySummary {
	readonly totalMiB: number;
	readonly maxMiB: number;
	/** The name of the largest. */
	readonly maxOf: string;
	readonly byNameMiB: Readonly<Record<string, number>>;
}

const mib = (kib: number): number => Math.round((kib / 1024) * 10) / 10;

/** Totals and the largest of named KiB readings, in MiB to one decimal. */
export function memorySummary(kibByName: ReadonlyMap<string, number>): MemorySummary {
	if (kibByName.size === 0) throw new Error('no memory readings to summarise');
	let total = 0;
	let max: [string, number] = ['', -1];
	for (const [name, kib] of kibByName) {
		total += kib;
		if (kib > max[1]) max = [name, kib];
	}
	return {
		totalMiB: mib(total),
		maxMiB: mib(max[1]),
		maxOf: max[0],
		byNameMiB: Object.fromEntries([...kibByName].map(([name, kib]) => [name, mib(kib)])),
	};
}
