// Export then import gives back exactly what was exported, for any person
// entry import would accept (testing.ts: Cyrillic, commas, semicolons,
// newlines and backslashes in every text), one card or many; and the export is
// vCard 4.0 as RFC 6350 writes it: CRLF, lines within 75 octets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVcards } from './parse.ts';
import { serializeVcards } from './serialize.ts';
import { arbitraryEntry, DEMO_AUTHORITIES, DEMO_CONTEXT } from './testing.ts';

/** Entries with distinct (authority, id): import refuses a repeated one. */
const entries = fc.uniqueArray(arbitraryEntry(DEMO_AUTHORITIES), { maxLength: 4, selector: (e) => `${e.authority} ${e.id}` });

describe('serializeVcards then parseVcards', () => {
	it('gives back every entry exactly', () => {
		fc.assert(
			fc.property(entries, (list) => {
				const parsed = parseVcards(serializeVcards(list), DEMO_CONTEXT);
				// NOTE: structuredClone gives the generated (null-prototype) records the prototype import gives its entries.
				expect(parsed.ok ? parsed.value.map((c) => c.entry) : parsed.error).toStrictEqual(structuredClone(list));
			}),
			{ numRuns: 200 },
		);
	}, 30_000);

	it('writes CRLF lines of at most 75 octets, each card BEGIN:VCARD, VERSION:4.0 … END:VCARD', () => {
		fc.assert(
			fc.property(entries, (list) => {
				const text = serializeVcards(list);
				const lines = text.split('\r\n');
				expect(lines.pop()).toBe('');
				expect(lines.every((l) => !/[\r\n]/.test(l) && new TextEncoder().encode(l).length <= 75)).toBe(true);
				expect(lines.filter((l) => l === 'BEGIN:VCARD')).toHaveLength(list.length);
				expect(lines.filter((l) => l === 'VERSION:4.0')).toHaveLength(list.length);
			}),
		);
	});

	it('writes text values escaped', () => {
		const [entry] = fc.sample(arbitraryEntry(DEMO_AUTHORITIES), { numRuns: 1, seed: 1 });
		if (entry === undefined) throw new Error('no sample');
		const text = serializeVcards([{ ...entry, name: 'Иванов, Иван; \\ \n', title: 'a' }]);
		expect(text).toContain('\r\nFN:Иванов\\, Иван\\; \\\\ \\n\r\n');
	});
});
