// The CPU time processes the bench started have used, and the machine's
// (Linux /proc), read before and after a timed part to say where the time
// went: `production_load` prints them for each phase.
// NOTE: a process's own time only — what its children use is counted when
// they are reaped, so PostgreSQL's backends are not in its postmaster's.
import { readdirSync, readFileSync } from 'node:fs';

/** Linux reports process and machine times in USER_HZ ticks, 100 a second on every architecture it runs on here. */
const TICKS_PER_SECOND = 100;

/** utime + stime in ticks from the text of /proc/<pid>/stat, or undefined when it cannot be parsed. */
export function cpuTicks(stat: string): number | undefined {
	// The fields after the parenthesised command name, which may itself contain spaces and parentheses.
	const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	// rest[0] is field 3 (state); utime and stime are fields 14 and 15.
	const utime = Number(rest[11]);
	const stime = Number(rest[12]);
	return Number.isInteger(utime) && Number.isInteger(stime) ? utime + stime : undefined;
}

/** The parent's pid from the text of /proc/<pid>/stat (field 4), or undefined when it cannot be parsed. */
export function parentPid(stat: string): number | undefined {
	const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
	return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
}

/** The live children of `pid` (PostgreSQL's backends, say, whose time their postmaster's does not hold). */
export function childrenOf(pid: number): number[] {
	const children: number[] = [];
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			if (parentPid(readFileSync(`/proc/${entry}/stat`, 'utf8')) === pid) children.push(Number(entry));
		} catch {
			// Gone meanwhile.
		}
	}
	return children;
}

/** The CPU seconds the live ones of `pids` have used so far; one that has ended or cannot be read counts 0. */
export function cpuSeconds(pids: readonly number[]): number {
	let ticks = 0;
	for (const pid of pids) {
		try {
			ticks += cpuTicks(readFileSync(`/proc/${pid}/stat`, 'utf8')) ?? 0;
		} catch {
			// Gone: its time is no longer readable.
		}
	}
	return ticks / TICKS_PER_SECOND;
}

export interface MachineTicks {
	readonly busy: number;
	readonly total: number;
}

/** All CPUs' busy and total ticks from the text of /proc/stat (its "cpu" line); idle and iowait are not busy. */
export function machineTicks(stat: string): MachineTicks | undefined {
	const line = /^cpu\s+([\d ]+)$/m.exec(stat);
	if (line === null) return undefined;
	const fields = line[1]!.trim().split(/\s+/).map(Number);
	// user nice system idle iowait irq softirq steal (guest time is inside user already).
	const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
	const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
	return fields.length >= 4 ? { busy: total - idle, total } : undefined;
}

/** The machine's ticks now (zeros where /proc/stat cannot be read). */
export function machineNow(): MachineTicks {
	try {
		return machineTicks(readFileSync('/proc/stat', 'utf8')) ?? { busy: 0, total: 0 };
	} catch {
		return { busy: 0, total: 0 };
	}
}

/** The share of the machine's CPU time that was busy between two readings (0–1; NaN when none passed). */
export const busyShare = (before: MachineTicks, after: MachineTicks): number => (after.busy - before.busy) / (after.total - before.total);
