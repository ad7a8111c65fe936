// A backup's manifest: every file of the backup with its size and SHA-256,
// and what it was taken of. Restoring checks every sum before it writes
// anything, so a damaged or altered backup is refused as a whole, naming the
// files. Pure.
import { err, ok, type Result } from '../../../policies/result.ts';

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'rogatory-backup';

export interface ManifestEntry {
	/** The file's path inside the backup, with forward slashes. */
	readonly path: string;
	readonly bytes: number;
	readonly sha256: string;
}

export interface Manifest {
	readonly format: typeof FORMAT;
	readonly version: 1;
	/** ISO 8601, when the backup began. */
	readonly takenAt: string;
	/** The homeserver's name, so a backup is not restored onto another authority's machine by mistake. */
	readonly serverName: string;
	readonly entries: readonly ManifestEntry[];
}

export function manifestOf(serverName: string, takenAt: Date, entries: readonly ManifestEntry[]): Manifest {
	return {
		format: FORMAT,
		version: 1,
		takenAt: takenAt.toISOString(),
		serverName,
		entries: [...entries].sort((a, b) => a.path.localeCompare(b.path)),
	};
}

export function manifestText(manifest: Manifest): string {
	return `${JSON.stringify(manifest, null, 2)}\n`;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** A path inside the backup: relative, no `..`, no empty part. */
function safePath(path: string): boolean {
	return (
		path.length > 0 &&
		path.length < 4096 &&
		!path.startsWith('/') &&
		path.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
	);
}

export function parseManifest(text: string): Result<Manifest, string> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return err('the manifest is not JSON');
	}
	if (typeof value !== 'object' || value === null) return err('the manifest is not an object');
	const m = value as Record<string, unknown>;
	if (m['format'] !== FORMAT || m['version'] !== 1) return err(`the manifest is not a version 1 ${FORMAT} manifest`);
	if (typeof m['takenAt'] !== 'string' || Number.isNaN(Date.parse(m['takenAt']))) return err('the manifest has no valid takenAt');
	if (typeof m['serverName'] !== 'string' || m['serverName'] === '') return err('the manifest names no server');
	if (!Array.isArray(m['entries'])) return err('the manifest has no entries');
	const entries: ManifestEntry[] = [];
	const seen = new Set<string>();
	for (const [i, raw] of (m['entries'] as unknown[]).entries()) {
		const e = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
		const path = e['path'];
		if (typeof path !== 'string' || !safePath(path)) return err(`entry ${i}: its path is missing or leads outside the backup`);
		if (seen.has(path)) return err(`entry ${i}: ${path} is listed twice`);
		seen.add(path);
		if (typeof e['bytes'] !== 'number' || !Number.isSafeInteger(e['bytes']) || e['bytes'] < 0) return err(`${path}: no valid size`);
		if (typeof e['sha256'] !== 'string' || !SHA256.test(e['sha256'])) return err(`${path}: no valid SHA-256`);
		entries.push({ path, bytes: e['bytes'], sha256: e['sha256'] });
	}
	return ok({ format: FORMAT, version: 1, takenAt: m['takenAt'], serverName: m['serverName'], entries });
}

export interface Mismatch {
	readonly missing: readonly string[];
	readonly altered: readonly string[];
	readonly unlisted: readonly string[];
}

/** How the files found differ from the manifest; every list empty when they agree. */
export function compareWithManifest(manifest: Manifest, found: readonly ManifestEntry[]): Mismatch {
	const byPath = new Map(found.map((f) => [f.path, f]));
	const listed = new Set(manifest.entries.map((e) => e.path));
	return {
		missing: manifest.entries.filter((e) => !byPath.has(e.path)).map((e) => e.path),
		altered: manifest.entries
			.filter((e) => {
				const f = byPath.get(e.path);
				return f !== undefined && (f.sha256 !== e.sha256 || f.bytes !== e.bytes);
			})
			.map((e) => e.path),
		unlisted: found.filter((f) => !listed.has(f.path) && f.path !== MANIFEST_FILE).map((f) => f.path),
	};
}

export function mismatchText(m: Mismatch): string | undefined {
	const lines = [
		...m.missing.map((p) => `missing: ${p}`),
		...m.altered.map((p) => `altered: ${p}`),
		...m.unlisted.map((p) => `not in the manifest: ${p}`),
	];
	return lines.length === 0 ? undefined : lines.slice(0, 20).join('\n') + (lines.length > 20 ? `\n… and ${lines.length - 20} more` : '');
}
