// Keeps docs/case-events.md, section 8, honest: every preservation example in
// it is a valid preservation event, and every type has one.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePreservationEvent } from './parse.ts';
import { PRESERVATION_EVENT_TYPES, SENT_BY } from './vocabulary.ts';
import { PRESERVATION_REJECTIONS } from './types.ts';

const doc = readFileSync(new URL('../../../docs/case-events.md', import.meta.url), 'utf8');
// NOTE: `jsonc` fences (trailing commas allowed), so the case-event test, which reads `json` fences, skips them.
const examples = [...doc.matchAll(/```jsonc\n([\s\S]*?)\n```/g)].map(
	(m) => JSON.parse((m[1] ?? '').replace(/,(\s*[}\]])/g, '$1')) as unknown,
);

describe('docs/case-events.md, preservation', () => {
	it('shows only valid preservation events, one of each type', () => {
		const parsed = examples.map(parsePreservationEvent);
		expect(parsed.filter((p) => !p.ok)).toEqual([]);
		expect(new Set(parsed.map((p) => (p.ok ? p.value.type : '')))).toEqual(new Set(PRESERVATION_EVENT_TYPES));
	});

	it('documents every type with its sender and every refusal code', () => {
		for (const type of PRESERVATION_EVENT_TYPES) expect(doc.replace(/ +/g, ' ')).toContain(`| \`${type}\` | ${SENT_BY[type]} side`);
		for (const code of PRESERVATION_REJECTIONS) expect(doc).toContain(`\`${code}\``);
	});
});
