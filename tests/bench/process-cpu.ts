// The CPU time processes the bench started have used (Linux /proc), read
// before and after a timed part to say where the machine's time went:
// `production_load` prints it for the homeserver processes of each phase.
// NOTE: a process's own time only — what its children use is counted when
// they are reaped, so PostgreSQL's backends are not in its postmaster's.
import { readFileSync } from 'node:fs';

/** Linux reports process times in USER_HZ ticks, 100 a second on every architecture it runs on here. */
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
