// Keeps docs/case-events.md honest: every JSON example in it is a valid case
// event, every payload type has one, and every shipped workflow and status is
// documented.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCaseEvent } from './events/parse.ts';
import { CASE_EVENT_TYPES } from './vocabulary/namespace.ts';
import { DEFAULT_WORKFLOWS } from './workflows/registry.ts';

const doc = readFileSync(new URL('../../docs/case-events.md', import.meta.url), 'utf8');
const examples = [...doc.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1] ?? '') as unknown);

describe('docs/case-events.md', () => {
	it('shows only valid case events, one or more of each type', () => {
		const parsed = examples.map(parseCaseEvent);
		expect(parsed.filter((p) => !p.ok)).toEqual([]);
		expect(new Set(parsed.map((p) => (p.ok ? p.value.type : '')))).toEqual(new Set(CASE_EVENT_TYPES));
	});

	it('documents every shipped workflow, status and move', () => {
		for (const w of DEFAULT_WORKFLOWS) {
			expect(doc).toContain(`\`${w.id}\``);
			for (const s of w.statuses) expect(doc).toContain(`\`${s}\``);
		}
	});
});
