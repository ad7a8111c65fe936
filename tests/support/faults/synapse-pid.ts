// The pid of a local homeserver's Synapse, for the tests that stop or kill it
// (tests/faults, the sender-crash end-to-end test, the recovery bench).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine } from '../../../deploy/process/cmdline.ts';
import type { LocalHomeserver } from '../../../deploy/local/types.ts';

/** From its pid file, checked against its command line (a stale file could name another process). */
export async function synapsePid(hs: Pick<LocalHomeserver, 'id' | 'dataDir'>): Promise<number> {
	const pid = Number(readFileSync(join(hs.dataDir, 'synapse.pid'), 'utf8').trim());
	const command = await commandLine(pid);
	if (command === undefined || !command.includes(hs.dataDir))
		throw new Error(`pid ${pid} is not ${hs.id}'s Synapse (${command ?? 'gone'})`);
	return pid;
}
