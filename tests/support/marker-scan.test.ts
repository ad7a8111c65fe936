import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { countFiles, scanForMarkers } from './marker-scan.ts';

describe('scanForMarkers', () => {
	let dir = '';
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('finds markers in any file below the roots, in each stored form, and nothing else', () => {
		dir = mkdtempSync(join(tmpdir(), 'markers-'));
		mkdirSync(join(dir, 'media', 'ab'), { recursive: true });
		writeFileSync(join(dir, 'homeserver.db-wal'), Buffer.concat([Buffer.from([0, 1, 2]), Buffer.from('xxROG-TITLE-1xx')]));
		writeFileSync(join(dir, 'event.json'), '{"body":"Extradici\\u00f3n ROG-2"}');
		writeFileSync(join(dir, 'media', 'ab', 'blob'), Buffer.from('ROG-REF-3', 'utf16le'));
		writeFileSync(join(dir, 'clean.log'), 'nothing to see');
		const hits = scanForMarkers([dir], ['ROG-TITLE-1', 'Extradición ROG-2', 'ROG-REF-3', 'ROG-ABSENT-4']);
		expect(hits.map((h) => [h.marker, h.form, h.file.slice(dir.length)])).toEqual(
			expect.arrayContaining([
				['ROG-TITLE-1', 'utf-8', '/homeserver.db-wal'],
				['Extradición ROG-2', 'json-escaped', '/event.json'],
				['ROG-REF-3', 'utf-16le', '/media/ab/blob'],
			]),
		);
		expect(hits).toHaveLength(3);
		expect(countFiles([dir, join(dir, 'missing')])).toBe(4);
	});
});
