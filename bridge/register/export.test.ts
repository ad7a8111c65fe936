import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { casesCsv, registerJson, transitionsCsv } from './export.ts';
import { readRows } from './rows.ts';
import { batch, inRoom, MLA_HISTORY, must, open, OTHER_HISTORY, tempDir } from './testing.ts';
import { AMINA, ANA, envelope, move, OPENED, ROOM, ROOT } from '../../policies/cases/testing/fixtures.ts';

let temp: ReturnType<typeof tempDir>;
beforeEach(() => (temp = tempDir()));
afterEach(() => temp.cleanup());

describe('exports', () => {
	it('writes the opened cases and their status history as CSV and JSON', () => {
		const register = open(temp.file('r.db'));
		const hostile = inRoom(ROOM, [
			envelope('$a9', AMINA, 6000, { type: 'amended', changes: { requestedReference: 'CA/1' as never }, reason: 'x' }),
		]);
		must(register.ingest(batch([...MLA_HISTORY, ...OTHER_HISTORY.slice(1), ...hostile])));
		const rows = readRows(register.db);
		register.close();

		expect(rows.cases.map((c) => c.roomId)).toEqual([ROOM]);
		const csv = casesCsv(rows).split('\r\n');
		expect(csv[0]).toBe(
			'"room_id","kind","workflow","requesting","requested","requesting_reference","requested_reference","title","status","terminal","urgency","channel","respond_by","opened_by","opened_at","last_change_at","open_conflict","notes"',
		);
		expect(csv[1]).toBe(
			`"${ROOM}","mla","mla.v1","gt-mp","ng-ca","MP-FECO-2025-0113","CA/1","Bank records, Operación Cóndor","under-execution",false,"urgent","formal","2026-03-31","'@ana.lopez:matrix.mp.gt.rogatory.example","1970-01-01T00:00:01.000Z","1970-01-01T00:00:06.000Z",false,1`,
		);
		// NOTE: user IDs start with @, which spreadsheets read as a formula: they are neutralized like any other cell.
		expect(csv).toHaveLength(3);
		expect(transitionsCsv(rows).split('\r\n').slice(0, 2)).toEqual([
			'"room_id","position","event_id","follows","from","to","reason","by","side","at"',
			`"${ROOM}",1,"$t1","$open","draft","sent",,"'@ana.lopez:matrix.mp.gt.rogatory.example","requesting","1970-01-01T00:00:02.000Z"`,
		]);

		const json = JSON.parse(registerJson(rows)) as { cases: Record<string, unknown>[]; transitions: unknown[] };
		expect(json.cases[0]).toMatchObject({ room_id: ROOM, status: 'under-execution', fields: { legalBasis: OPENED.fields.legalBasis } });
		expect(json.transitions).toHaveLength(4);
		expect(json.cases[0]?.['bidi_controls']).toEqual([]);
	});

	it('neutralizes a formula in a title that came from the other side', () => {
		const register = open(temp.file('r.db'));
		const evil = inRoom(ROOM, [envelope('$open', AMINA, 1000, { ...OPENED, fields: { ...OPENED.fields, title: '=cmd|" /C calc"!A0' } })]);
		must(register.ingest(batch(evil)));
		const csv = casesCsv(readRows(register.db));
		register.close();
		expect(csv).toContain(`,"'=cmd|"" /C calc""!A0",`);
	});

	it('exports a text with bidirectional controls verbatim, marked in CSV and flagged in JSON', () => {
		const register = open(temp.file('r.db'));
		const title = 'Invoice_\u202Egpj.exe';
		const citation = 'UNTOC \u2067art. 18';
		const reason = 'x\u2069\u202Ey';
		const evil = inRoom(ROOM, [
			envelope('$open', ANA, 1000, { ...OPENED, fields: { ...OPENED.fields, title, legalBasis: { type: 'untoc', citation } } }),
			envelope('$t1', ANA, 2000, move(ROOT, 'draft', 'sent', reason)),
		]);
		must(register.ingest(batch(evil)));
		const rows = readRows(register.db);
		register.close();

		expect(rows.cases[0]?.title).toBe(title);
		expect(casesCsv(rows)).toContain(`,"[CONTROLS] Invoice_<U+202E>gpj.exe",`);
		expect(transitionsCsv(rows)).toContain(`,"[CONTROLS] x<U+2069><U+202E>y",`);

		const text = registerJson(rows);
		expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
		expect(text).toContain('Invoice_\\u202egpj.exe');
		const json = JSON.parse(text) as { cases: Record<string, unknown>[]; transitions: Record<string, unknown>[] };
		expect(json.cases[0]).toMatchObject({
			title,
			fields: { legalBasis: { citation } },
			bidi_controls: ['title', 'fields.legalBasis.citation'],
		});
		expect(json.transitions[0]).toMatchObject({ reason, bidi_controls: ['reason'] });
	});
});
