// The web server's side of policies/roster/file/deployment.ts: how it reads a
// file, hashes bytes and resolves a path (deploy/roster/load.ts does the same
// for deploy/ and scripts/, which web/ may not import).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FileAccess } from '#policies/roster/file/index.ts';
import { err, ok } from '#policies/result.ts';

export const nodeFiles: FileAccess = {
	read(path) {
		try {
			return ok(readFileSync(path));
		} catch (error) {
			return err(error instanceof Error ? error.message : String(error));
		}
	},
	sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
	resolve: (fromFile, path) => resolve(dirname(resolve(fromFile)), path),
};
