// Builds the web app when its sources are newer than the last build, so a
// second `npm start` starts at once.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bin, run } from './child.ts';

const SOURCES = ['web', 'policies', 'messages', 'project.inlang', 'svelte.config.js', 'vite.config.ts', 'package-lock.json'];

function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = stat.mtimeMs;
	for (const entry of readdirSync(path)) if (entry !== 'node_modules') latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

/** Runs `vite build` unless build/ is newer than every source; resolves true when a build is ready. */
export async function buildWebIfStale(root: string, quietStdout = false): Promise<boolean> {
	const stamp = join(root, 'build', '.rogatory-built');
	const sources = Math.max(...SOURCES.map((s) => newest(join(root, s))));
	if (existsSync(stamp) && statSync(stamp).mtimeMs >= sources) return true;
	console.error('rogatory: building the web app (vite build)…');
	if ((await run(bin('svelte-kit'), ['sync'], {}, quietStdout)) !== 0) return false;
	if ((await run(bin('vite'), ['build', '--logLevel', 'warn'], {}, quietStdout)) !== 0) return false;
	writeFileSync(stamp, new Date().toISOString());
	return true;
}
