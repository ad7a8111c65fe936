// The scripted flow folds as meant: every event it calls valid is taken, every
// one it calls invalid is refused (by the parser or the fold), and no
// conflict arises — so the integration tests' registers have a known shape.
import { describe, expect, it } from 'vitest';
import { foldCase, parseCaseEvent, type CaseEventEnvelope, type EventId } from '#policies/cases/index.ts';
import { CONTEXT, AMINA, ANA } from '#policies/cases/testing/fixtures.ts';
import { GUATEMALA, NIGERIA } from '#policies/roster/testing/demo.ts';
import { runCaseFlow, type FlowOptions } from './case-flow.ts';

async function fold(options: FlowOptions) {
	const envelopes: CaseEventEnvelope[] = [];
	const summary = await runCaseFlow(options, (side, content) => {
		const eventId = `$e${envelopes.length}` as EventId;
		envelopes.push({ eventId, sender: side === 'requesting' ? ANA : AMINA, originServerTs: 1000 + envelopes.length, content });
		return Promise.resolve(eventId);
	});
	return { summary, envelopes, record: foldCase(envelopes, { ...CONTEXT, room: CONTEXT.room }) };
}

const BOTH: FlowOptions = { total: 1000, requesting: GUATEMALA.id, requested: NIGERIA.id };

describe('the scripted case flow', () => {
	it('sends exactly the number asked, from both sides, and the invalid ones are exactly those refused', async () => {
		const { summary, envelopes, record } = await fold(BOTH);
		expect(summary.sent).toHaveLength(1000);
		expect(new Set(envelopes.map((e) => e.sender)).size).toBe(2);
		expect(summary.transitions).toBeGreaterThan(50);
		expect(summary.invalid.length).toBeGreaterThan(30);
		const malformed = envelopes.filter((e) => !parseCaseEvent(e.content).ok).map((e) => e.eventId);
		const refused = new Set([...malformed, ...('rejected' in record ? record.rejected.map((r) => r.eventId) : [])]);
		expect([...refused].sort()).toEqual([...summary.invalid].sort());
		expect('statusHistory' in record && record.statusHistory).toHaveLength(summary.transitions);
		expect('notes' in record && record.notes).toBe(summary.notes);
		expect('amendments' in record && record.amendments).toHaveLength(summary.amendments);
		expect('conflicts' in record ? record.conflicts : []).toEqual([]);
	});

	it('counts what a complete fold of a short flow holds (what tests wait for)', async () => {
		const { summary, record } = await fold({ ...BOTH, total: 14, invalidEvery: 1000 });
		expect(summary.invalid).toEqual([]);
		expect('notes' in record && record.notes).toBe(summary.notes);
		expect('amendments' in record && record.amendments).toHaveLength(summary.amendments);
		expect(summary.notes + summary.amendments + summary.transitions + 1).toBe(summary.sent.length);
	});

	it('keeps to the requesting side after the first move when asked', async () => {
		const { summary, envelopes } = await fold({ ...BOTH, total: 200, requestingOnly: true });
		expect(summary.sent).toHaveLength(200);
		expect(new Set(envelopes.map((e) => e.sender))).toEqual(new Set([ANA]));
		expect(summary.transitions).toBe(1);
	});

	it('moves the status through the flow from the requesting side alone when asked, every move taken', async () => {
		const { summary, envelopes, record } = await fold({ ...BOTH, total: 500, requestingOnly: true, consultations: 2 });
		expect(summary.sent).toHaveLength(500);
		expect(new Set(envelopes.map((e) => e.sender))).toEqual(new Set([ANA]));
		expect(summary.transitions).toBe(5);
		const history = 'statusHistory' in record ? record.statusHistory : [];
		expect(history.map((h) => h.to)).toEqual(['informal-consultation', 'draft', 'informal-consultation', 'draft', 'sent']);
		// Spread through the burst: the first move in its first quarter, the last in its last.
		const at = (id: string) => envelopes.findIndex((e) => e.eventId === id);
		const moves = history.map((h) => at(h.eventId));
		expect(moves[0]).toBeLessThan(125);
		expect(moves.at(-1)).toBeGreaterThan(375);
		expect('conflicts' in record ? record.conflicts : []).toEqual([]);
	});
});
