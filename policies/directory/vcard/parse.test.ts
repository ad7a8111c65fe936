// Import of person entries from vCard 4.0: what each property gives, what an
// address book's extras do (nothing), and the refusals, each with its card,
// line and reason. All or nothing: one refused card and no card is taken.
import { describe, expect, it } from 'vitest';
import { parseVcards } from './parse.ts';
import { reasonText } from './reasons.ts';
import { DEMO_CONTEXT } from './testing.ts';

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:4.0', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';
const ANA = ['UID;VALUE=text:@ana:matrix.mp.gt.example', 'FN:Ana López', 'ORG:gt-mp'];

function entries(text: string) {
	const parsed = parseVcards(text, DEMO_CONTEXT);
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
	return parsed.value.map((c) => c.entry);
}
function entry(...lines: string[]) {
	const [first] = entries(card(...lines));
	if (first === undefined) throw new Error('no card');
	return first;
}

/** The refusals, each reason in the English the CLI prints. */
function refusals(text: string): readonly { card: number; line: number; reason: string }[] {
	const parsed = parseVcards(text, DEMO_CONTEXT);
	if (parsed.ok) throw new Error('taken');
	return parsed.error.map((r) => ({ ...r, reason: reasonText(r.reason) }));
}

describe('parseVcards: what a card gives', () => {
	it('maps every property of a full card', () => {
		const text = card(
			'UID;VALUE=text:lucia',
			'FN:Lucía Ramírez\\, fiscal',
			'X-ROGATORY-LATIN-NAME:Lucia Ramirez',
			'ORG:gt-mp;Unidad de Cooperación',
			'TITLE:Fiscal de enlace\\; 24/7',
			'ROLE:focal-point\\,focal-point-24-7',
			'ROLE:Prosecutor',
			'LANG;PREF=2:en',
			'LANG;PREF=1:es',
			'TZ:America/Guatemala',
			'X-ROGATORY-HOURS:1,2,3,4,5;08:00;17:00',
			'TEL:+502 2411 9191',
			'EMAIL:lucia@mp.gt.example',
			'IMPP:matrix:u/lucia.ramirez:matrix.mp.gt.example?action=chat',
			'X-ROGATORY-ROTA:2026-12-04T17:00-06:00/2026-12-05T08:00-06:00',
			'X-ROGATORY-ROTA:2026-12-05T08:00Z/2026-12-06T08:00Z',
		);
		expect(parseVcards(text, DEMO_CONTEXT)).toEqual({
			ok: true,
			value: [
				{
					card: 1,
					line: 1,
					entry: {
						id: 'lucia',
						authority: 'gt-mp',
						name: 'Lucía Ramírez, fiscal',
						latinName: 'Lucia Ramirez',
						title: 'Fiscal de enlace; 24/7',
						roles: ['focal-point', 'focal-point-24-7', 'prosecutor'],
						languages: ['es', 'en'],
						hours: { timeZone: 'America/Guatemala', days: [1, 2, 3, 4, 5], from: '08:00', to: '17:00' },
						phone: '+502 2411 9191',
						email: 'lucia@mp.gt.example',
						matrixId: '@lucia.ramirez:matrix.mp.gt.example',
						rota: [
							{ from: '2026-12-04T17:00-06:00', to: '2026-12-05T08:00-06:00' },
							{ from: '2026-12-05T08:00Z', to: '2026-12-06T08:00Z' },
						],
					},
				},
			],
		});
	});

	it('gives only what the card holds: no optional key is set when its property is absent', () => {
		expect(entry(...ANA)).toStrictEqual({
			id: '@ana:matrix.mp.gt.example',
			authority: 'gt-mp',
			name: 'Ana López',
			roles: [],
			languages: [],
			rota: [],
		});
	});

	it('reads LF files, a BOM, lower-case names, folded lines, groups and several cards', () => {
		const text = `\uFEFFbegin:vcard\nversion:4.0\nuid;value=text:@ana:matrix.mp.gt.example\nfn:Ana\n  López\norg:gt-mp\nend:vcard\n\nBEGIN:VCARD\nVERSION:4.0\nitem1.UID:carlos\nFN:Carlos\nitem1.ORG:gt-mp\nEND:VCARD\n`;
		const parsed = parseVcards(text, DEMO_CONTEXT);
		expect(parsed.ok && parsed.value.map((c) => [c.card, c.line, c.entry.id, c.entry.name])).toEqual([
			[1, 1, '@ana:matrix.mp.gt.example', 'Ana López'],
			[2, 9, 'carlos', 'Carlos'],
		]);
	});

	it('leaves aside what address books add: PHOTO, ADR, NOTE, N, PRODID, REV, KIND, other IMPP, X-…', () => {
		const extras = [
			'PRODID:-//Apple Inc.//macOS 15.1//EN',
			'N:López;Ana;;;',
			'KIND:individual',
			'PHOTO:data:image/jpeg;base64,/9j/4AAQ',
			'ADR;TYPE=work;LABEL="Calle 1^nZona 2":;;Calle 1;Guatemala;;01001;Guatemala',
			'NOTE:Met at the REFCO plenary\\, 2026',
			'REV:20261201T101500Z',
			'IMPP:xmpp:ana@example.org',
			'item1.X-ABLabel:desk',
			'X-SOCIALPROFILE;TYPE=twitter:https://x.example/ana',
			'TZ;VALUE=utc-offset:-0600',
		];
		expect(entry(...ANA, ...extras)).toStrictEqual(entry(...ANA));
	});

	it('takes the preferred of several FN, TITLE, TEL, EMAIL and IMPP: lowest PREF, else the first', () => {
		const e = entry(
			'UID:x',
			'ORG:gt-mp',
			'FN:First',
			'FN;PREF=1:Preferred',
			'TITLE:One',
			'TITLE:Two',
			'TEL;TYPE=fax;PREF=1:+1 fax',
			'TEL;PREF=50:+2',
			'TEL;PREF=3:+3',
			'EMAIL:a@x.example',
			'EMAIL;PREF=2:b@x.example',
			'IMPP;PREF=9:matrix:u/nine:x.example',
			'IMPP;PREF=1:matrix:u/one:x.example',
		);
		expect(e).toMatchObject({ name: 'Preferred', title: 'One', phone: '+3', email: 'b@x.example', matrixId: '@one:x.example' });
	});

	it('reads a tel: URI and a mailto: address', () => {
		expect(entry(...ANA, 'TEL;VALUE=uri;TYPE=work:tel:+502-2411-9191', 'EMAIL:mailto:ana@mp.gt.example')).toMatchObject({
			phone: '+502-2411-9191',
			email: 'ana@mp.gt.example',
		});
	});

	it('takes the authority from X-ROGATORY-AUTHORITY when ORG is the organisation’s name', () => {
		expect(entry('UID:x', 'FN:Ana', 'ORG:Ministerio Público;Fiscalía', 'X-ROGATORY-AUTHORITY:gt-mp').authority).toBe('gt-mp');
	});

	it('takes the Matrix account as the id when there is no UID', () => {
		expect(entry('FN:Ana', 'ORG:gt-mp', 'IMPP:matrix:u/ana:matrix.mp.gt.example').id).toBe('@ana:matrix.mp.gt.example');
	});

	it('writes LANG tags in canonical form and drops repeats', () => {
		expect(entry(...ANA, 'LANG:PT-br', 'LANG;PREF=1:es', 'LANG:pt-BR').languages).toEqual(['es', 'pt-BR']);
	});

	it('forgives spaces after BEGIN:VCARD, VERSION:4.0 and END:VCARD', () => {
		expect(
			entries(
				card(...ANA)
					.replace('BEGIN:VCARD', 'BEGIN:VCARD ')
					.replace('VERSION:4.0', 'VERSION:4.0\t')
					.replace('END:VCARD', 'END:VCARD '),
			),
		).toHaveLength(1);
	});

	it('takes nothing from an empty file', () => {
		expect(parseVcards('', DEMO_CONTEXT)).toEqual({ ok: true, value: [] });
		expect(parseVcards('\r\n\r\n', DEMO_CONTEXT)).toEqual({ ok: true, value: [] });
	});
});

describe('parseVcards: refusals', () => {
	const one = (...lines: string[]) => refusals(card(...lines));

	it.each([
		[['UID:x', 'ORG:gt-mp'], 1, /^FN \(the name\) is missing$/],
		[['UID:x', 'FN: ', 'ORG:gt-mp'], 4, /^FN \(the name\) is empty$/],
		[['UID:x', 'FN:Ana'], 1, /authority is missing/],
		[
			['UID:x', 'FN:Ana', 'ORG:Ministerio Público'],
			5,
			/^ORG "Ministerio Público" is not an authority id: write the authority's roster id \(e\.g\. gt-mp\) first in ORG/,
		],
		[['UID:x', 'FN:Ana', 'ORG:xx-nowhere'], 5, /^ORG "xx-nowhere" is not an authority of the roster$/],
		[['UID:x', 'FN:Ana', 'X-ROGATORY-AUTHORITY:xx-nowhere'], 5, /^X-ROGATORY-AUTHORITY "xx-nowhere" is not an authority/],
		[['UID:x', 'FN:Ana', 'ORG:ng-ca', 'X-ROGATORY-AUTHORITY:gt-mp'], 5, /^ORG "ng-ca" names another authority/],
		[['FN:Ana', 'ORG:gt-mp'], 1, /^UID \(the person's id\) is missing/],
		[['UID;VALUE=text:', 'FN:Ana', 'ORG:gt-mp'], 3, /^UID is empty$/],
		[['UID:x', 'UID:y', 'FN:Ana', 'ORG:gt-mp'], 4, /^UID may appear only once in a card \(it is also on line 3\)$/],
		[
			[...ANA, 'ROLE:prosecutor,judge'],
			6,
			/^ROLE "judge" is not one of prosecutor, central-authority-officer, focal-point, focal-point-24-7, secretariat$/,
		],
		[[...ANA, 'LANG:english'], 6, /^LANG "english" is not a BCP 47 language tag/],
		[[...ANA, 'LANG;PREF=0:es'], 6, /^LANG;PREF=0: PREF must be a whole number from 1 to 100$/],
		[[...ANA, 'TZ:Mars/Olympus_Mons'], 6, /^TZ "Mars\/Olympus_Mons" is not an IANA time zone/],
		[[...ANA, 'TZ:+05:00', 'X-ROGATORY-HOURS:1;09:00;17:00'], 6, /^TZ "\+05:00" must be an IANA time zone name/],
		[[...ANA, 'X-ROGATORY-HOURS:1;09:00;17:00'], 6, /^X-ROGATORY-HOURS needs a TZ/],
		[[...ANA, 'TZ:UTC', 'X-ROGATORY-HOURS:1,8;09:00;17:00'], 7, /days as numbers 1 \(Monday\) to 7/],
		[[...ANA, 'TZ:UTC', 'X-ROGATORY-HOURS:1,1;09:00;17:00'], 7, /names a day twice/],
		[[...ANA, 'TZ:UTC', 'X-ROGATORY-HOURS:1;9:00;17:00'], 7, /HH:MM/],
		[[...ANA, 'TZ:UTC', 'X-ROGATORY-HOURS:1;22:00;06:00'], 7, /must end after it starts/],
		[[...ANA, 'TZ:UTC', 'X-ROGATORY-HOURS:1;09:00'], 7, /does not have three parts/],
		[[...ANA, 'X-ROGATORY-ROTA:2026-12-01T08:00Z'], 6, /must be two instants/],
		[[...ANA, 'X-ROGATORY-ROTA:2026-12-01T08:00/2026-12-02T08:00Z'], 6, /no UTC offset/],
		[[...ANA, 'X-ROGATORY-ROTA:2026-02-30T08:00Z/2026-03-02T08:00Z'], 6, /has no day 30/],
		[[...ANA, 'X-ROGATORY-ROTA:2026-12-02T08:00Z/2026-12-01T08:00Z'], 6, /must end after it starts/],
		[[...ANA, 'EMAIL:ana.mp.gt.example'], 6, /^EMAIL "ana.mp.gt.example" is not an e-mail address/],
		[[...ANA, 'EMAIL:ana@mp.gt.example', 'EMAIL:ana at mp'], 7, /^EMAIL "ana at mp" is not an e-mail address/],
		[[...ANA, 'IMPP:matrix:u/ana'], 6, /^IMPP "matrix:u\/ana" is not a Matrix user URI/],
		[[...ANA, 'X-ROGATORY-LATIN-NAME:A', 'X-ROGATORY-LATIN-NAME:B'], 7, /X-ROGATORY-LATIN-NAME may appear only once/],
		[[...ANA, 'VERSION:4.0'], 6, /^VERSION may appear only once/],
	])('refuses %j at line %i', (lines, line, reason) => {
		const found = one(...lines);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({ card: 1, line });
		expect(found[0]?.reason).toMatch(reason);
	});

	it('refuses a card without VERSION, and a vCard 3.0 card with one reason saying to export 4.0', () => {
		expect(refusals('BEGIN:VCARD\r\nFN:Ana\r\nEND:VCARD\r\n')).toEqual([{ card: 1, line: 1, reason: 'VERSION:4.0 is missing' }]);
		expect(refusals('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\nTEL;WORK;VOICE:1\r\nEND:VCARD\r\n')).toEqual([
			{ card: 1, line: 2, reason: 'VERSION:3.0 is not vCard 4.0: export the cards as vCard 4.0 (RFC 6350) and import the file again' },
		]);
	});

	it('reports every problem of every card, in file order, and takes none of the good cards', () => {
		const text = card(...ANA) + card('UID:b', 'FN:B', 'ORG:gt-mp', 'ROLE:judge', 'LANG:en_GB') + card(...ANA.slice(1));
		expect(refusals(text).map((r) => [r.card, r.line])).toEqual([
			[2, 12],
			[2, 13],
			[3, 15],
		]);
	});

	it('refuses a second card with the same id at the same authority', () => {
		expect(refusals(card(...ANA) + card(...ANA))).toEqual([
			{ card: 2, line: 7, reason: 'card 1 already has the id "@ana:matrix.mp.gt.example" at gt-mp' },
		]);
		expect(entries(card(...ANA) + card('UID;VALUE=text:@ana:matrix.mp.gt.example', 'FN:Ana', 'ORG:ng-ca'))).toHaveLength(2);
	});

	it('refuses text outside cards, a BEGIN of something else, an END of something else', () => {
		expect(refusals(`hello\r\n${card(...ANA)}`)).toEqual([{ card: 1, line: 1, reason: 'text before the first BEGIN:VCARD: "hello"' }]);
		expect(refusals('BEGIN:VCALENDAR\r\nVERSION:4.0\r\nEND:VCALENDAR\r\n')[0]).toEqual({
			card: 1,
			line: 1,
			reason: 'BEGIN:VCALENDAR is not a vCard (BEGIN:VCARD)',
		});
		expect(refusals(card(...ANA).replace('END:VCARD', 'END:VCALENDAR'))[0]).toMatchObject({
			line: 6,
			reason: 'END:VCALENDAR does not end a vCard (END:VCARD)',
		});
	});

	it('reports the first physical line of a folded property', () => {
		expect(refusals(card(...ANA, 'ROLE:prosecu', ' tor,ju', ' dge'))).toEqual([
			{ card: 1, line: 6, reason: expect.stringMatching(/^ROLE "judge"/) as string },
		]);
	});
});
