// The bridge benches' baseline sink: keeps the checkpoint (sync token and
// store snapshot, so a restarted bot resumes where it was) in one file,
// written whole and fsync'd like the register's FULL-sync commit, and drops
// the events — sync and decryption without the register's fold and writes.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { err, ok, type Result } from '../../policies/result.ts';
import type { Batch, BatchSink, Checkpoint } from '../../bridge/matrix/sink.ts';

export class CheckpointFileSink implements BatchSink {
	readonly #file: string;

	constructor(file: string) {
		this.#file = file;
	}

	load(): Checkpoint | undefined {
		if (!existsSync(this.#file)) return undefined;
		const bytes = readFileSync(this.#file);
		const length = bytes.readUInt32BE(0);
		return { syncToken: bytes.subarray(4, 4 + length).toString('utf8'), store: new Uint8Array(bytes.subarray(4 + length)) };
	}

	commit(batch: Batch): Result<void, string> {
		const token = Buffer.from(batch.checkpoint.syncToken, 'utf8');
		const header = Buffer.alloc(4);
		header.writeUInt32BE(token.length);
		const temporary = `${this.#file}.tmp`;
		try {
			const fd = openSync(temporary, 'w');
			try {
				writeSync(fd, header);
				writeSync(fd, token);
				writeSync(fd, batch.checkpoint.store);
				fsyncSync(fd);
			} finally {
				closeSync(fd);
			}
			renameSync(temporary, this.#file);
			return ok(undefined);
		} catch (e) {
			return err(`${this.#file}: ${e instanceof Error ? e.message : String(e)}`);
		}
	}
}
