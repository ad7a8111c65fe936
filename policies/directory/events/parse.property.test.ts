// The directory parser never throws and refuses what is not a directory
// event with a reason, whatever it is given.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personPayload, LUCIA } from '../testing/entries.ts';
import { buildDirectoryContent } from './build.ts';
import { DIRECTORY_KEY } from './namespace.ts';
import { parseDirectoryContent } from './parse.ts';
import { anyValue as anything } from '../../cases/testing/anything.ts';

describe('parseDirectoryContent on arbitrary input', () => {
	it('never throws on arbitrary values, and refuses them with a reason', () => {
		fc.assert(
			fc.property(anything, (value) => {
				const parsed = parseDirectoryContent(value);
				expect(parsed.ok).toBe(false);
				if (!parsed.ok) expect(parsed.error.length).toBeGreaterThan(0);
			}),
			{ numRuns: 5_000 },
		);
	});

	it('never throws when any field of a valid entry is replaced by arbitrary JSON', () => {
		const valid = buildDirectoryContent(personPayload(LUCIA, '2026-12-01T10:00:00Z'));
		const keys = Object.keys(LUCIA);
		fc.assert(
			fc.property(fc.constantFrom(...keys), fc.jsonValue(), (key, value) => {
				const payload = structuredClone(valid[DIRECTORY_KEY]) as { entry: Record<string, unknown> };
				payload.entry[key] = value;
				const parsed = parseDirectoryContent({ ...valid, [DIRECTORY_KEY]: payload });
				if (!parsed.ok) expect(parsed.error).toMatch(/\S/);
			}),
			{ numRuns: 5_000 },
		);
	});
});
