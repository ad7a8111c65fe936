// Looks for distinctive marker strings in everything a homeserver keeps on
// disk — its SQLite database (with its -wal and -shm files), media store and
// logs — to prove that case content never reaches a server in the clear
// (ARCHITECTURE.md, decision 2). Each marker is searched as UTF-8 bytes, and
// in the two other forms a server could store it in: JSON-escaped (\uXXXX,
// as Synapse stores event JSON) and UTF-16LE.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface MarkerHit {
	readonly file: string;
	readonly marker: string;
	readonly form: 'utf-8' | 'json-escaped' | 'utf-16le';
}

function jsonEscaped(marker: string): string {
	return [...marker].map((c) => (c.charCodeAt(0) < 0x80 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('');
}

function forms(marker: string): { form: MarkerHit['form']; bytes: Buffer }[] {
	const all: { form: MarkerHit['form']; bytes: Buffer }[] = [
		{ form: 'utf-8', bytes: Buffer.from(marker, 'utf8') },
		{ form: 'utf-16le', bytes: Buffer.from(marker, 'utf16le') },
	];
	const escaped = jsonEscaped(marker);
	if (escaped !== marker) all.push({ form: 'json-escaped', bytes: Buffer.from(escaped, 'utf8') });
	return all;
}

function* files(path: string): Generator<string> {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (stat === undefined) return;
	if (stat.isFile()) yield path;
	else if (stat.isDirectory()) for (const entry of readdirSync(path)) yield* files(join(path, entry));
}

/** Every (file, marker) pair where the marker occurs in a file under `roots`. */
export function scanForMarkers(roots: readonly string[], markers: readonly string[]): MarkerHit[] {
	const searched = markers.map((marker) => ({ marker, forms: forms(marker) }));
	const hits: MarkerHit[] = [];
	for (const root of roots)
		for (const file of files(root)) {
			const content = readFileSync(file);
			for (const { marker, forms: variants } of searched)
				for (const { form, bytes } of variants) if (content.includes(bytes)) hits.push({ file, marker, form });
		}
	return hits;
}

/** How many files were read: a scan that read nothing proves nothing. */
export function countFiles(roots: readonly string[]): number {
	let count = 0;
	for (const root of roots) for (const _ of files(root)) count++;
	return count;
}
