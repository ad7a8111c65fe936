import { describe, expect, it } from 'vitest';
import type { CountryCode } from '#policies/roster/types.ts';
import { authorityDraft, authorityEntryOf, personDraft, personEntryOf } from './entry-forms.ts';
import { GT, GT_ENTRY, LUCIA } from './testing.ts';

const ABOUT = { authority: GT, country: 'GT' as CountryCode };
const TEXTS = { requirements: 'Por escrito.', urgentProcedure: 'Llame.' };

describe('the authority form', () => {
	it('gives back the entry it was filled from', () => {
		const entry = authorityEntryOf(authorityDraft(GT_ENTRY, 'es'), ABOUT, GT_ENTRY);
		expect(entry).toEqual({ ok: true, value: GT_ENTRY });
	});

	it('edits the texts of one language and keeps the others', () => {
		const draft = { ...authorityDraft(GT_ENTRY, 'en'), name: 'Public Ministry of Guatemala', requirements: 'A written request.' };
		const entry = authorityEntryOf(draft, ABOUT, GT_ENTRY);
		expect(entry.ok && entry.value.names).toEqual({ en: 'Public Ministry of Guatemala', es: 'Ministerio Público de Guatemala' });
		expect(entry.ok && entry.value.requirements).toEqual({ en: 'A written request.', es: 'Solicitud por escrito.' });
	});

	it('reads channels a line each and names each bad line', () => {
		const draft = { ...authorityDraft(undefined, 'es'), ...TEXTS, name: 'MP', channels: 'email: a@b.gt\n\ncarrier pigeon\nphone:' };
		expect(authorityEntryOf(draft, ABOUT, undefined)).toEqual({
			ok: false,
			error: [
				{ field: 'channels', code: 'channel', line: 3 },
				{ field: 'channels', code: 'channel', line: 4 },
			],
		});
	});

	it('asks for a name, requirements and an urgent procedure, and languages that are language tags', () => {
		const draft = { ...authorityDraft(undefined, 'es'), requestLanguages: 'es, not a tag!' };
		const entry = authorityEntryOf(draft, ABOUT, undefined);
		expect(entry.ok ? [] : entry.error.map((p) => `${p.field} ${p.code}`)).toEqual([
			'name required',
			'requestLanguages language',
			'requirements required',
			'urgentProcedure required',
		]);
	});

	it('takes emptied texts of one language when another language still has them', () => {
		const draft = { ...authorityDraft(GT_ENTRY, 'en'), name: 'Public Ministry', requirements: '', urgentProcedure: '' };
		const entry = authorityEntryOf(draft, ABOUT, GT_ENTRY);
		expect(entry.ok && entry.value.requirements).toEqual(GT_ENTRY.requirements);
	});
});

describe('the person form', () => {
	it('keeps the choice of phone and e-mail for the 24/7 points only, and leaves it out otherwise', () => {
		const restricted = { ...LUCIA, contactVisibility: 'points-247' as const };
		expect(personDraft(restricted).contactRestricted).toBe(true);
		expect(personEntryOf(personDraft(restricted), GT)).toEqual({ ok: true, value: restricted });
		expect(personDraft(LUCIA).contactRestricted).toBe(false);
		const open = personEntryOf(personDraft(LUCIA), GT);
		expect(open.ok && open.value).not.toHaveProperty('contactVisibility');
	});

	it('gives back the entry it was filled from', () => {
		expect(personEntryOf(personDraft(LUCIA), GT)).toEqual({ ok: true, value: LUCIA });
	});

	it('makes a new person’s id from their Matrix ID, else their name, and leaves out what is empty', () => {
		const draft = { ...personDraft(undefined), name: ' Ana López ', languages: 'es', matrixId: '@ana:mp.gt' };
		expect(personEntryOf(draft, GT)).toEqual({
			ok: true,
			value: { id: '@ana:mp.gt', authority: GT, name: 'Ana López', roles: [], languages: ['es'], matrixId: '@ana:mp.gt', rota: [] },
		});
		const unnamed = personEntryOf({ ...personDraft(undefined), name: 'Pedro' }, GT);
		expect(unnamed.ok && unnamed.value.id).toBe('Pedro');
	});

	it('checks hours, zone, Matrix ID, e-mail and the rota, naming the rota’s line', () => {
		const draft = {
			...personDraft(undefined),
			name: 'X',
			timeZone: 'Mars/Olympus',
			from: '17:00',
			to: '09:00',
			matrixId: 'ana',
			email: 'ana-at-mp.gt',
			rota: '2026-12-05T00:00-06:00 / 2026-12-07T00:00-06:00\n2026-12-05T00:00 / 2026-12-07T00:00-06:00',
		};
		const entry = personEntryOf(draft, GT);
		expect(entry.ok ? [] : entry.error.map((p) => `${p.field} ${p.code}${p.line === undefined ? '' : ` ${p.line}`}`)).toEqual([
			'matrixId matrix-id',
			'email email',
			'timeZone time-zone',
			'to hours-order',
			'rota rota 2',
		]);
	});

	it('keeps the on-call periods in order of the lines', () => {
		const draft = {
			...personDraft(undefined),
			name: 'X',
			rota: '2026-12-05T00:00Z / 2026-12-06T00:00Z\n2026-12-01T00:00+05:00 / 2026-12-02T00:00+05:00',
		};
		const entry = personEntryOf(draft, GT);
		expect(entry.ok && entry.value.rota).toEqual([
			{ from: '2026-12-05T00:00Z', to: '2026-12-06T00:00Z' },
			{ from: '2026-12-01T00:00+05:00', to: '2026-12-02T00:00+05:00' },
		]);
	});
});

describe('what the core would refuse, named as the form’s field', () => {
	const shown = (entry: ReturnType<typeof personEntryOf> | ReturnType<typeof authorityEntryOf>) =>
		entry.ok ? [] : entry.error.map((p) => `${p.field} ${p.code}${p.line === undefined ? '' : ` ${p.line}`}`);

	it('a phone number not in international form', () => {
		expect(shown(personEntryOf({ ...personDraft(undefined), name: 'X', phone: '2411 9191' }, GT))).toEqual(['phone phone']);
		expect(shown(personEntryOf({ ...personDraft(undefined), name: 'X', phone: '+502 2411 9191' }, GT))).toEqual([]);
	});

	it('a title or a name longer than the directory keeps', () => {
		expect(shown(personEntryOf({ ...personDraft(undefined), name: 'X', title: 't'.repeat(201) }, GT))).toEqual(['title refused']);
		expect(shown(personEntryOf({ ...personDraft(undefined), name: 'n'.repeat(201) }, GT))).toEqual(['name refused']);
		expect(shown(personEntryOf({ ...personDraft(undefined), name: 'X', latinName: 'l'.repeat(201) }, GT))).toEqual(['latinName refused']);
	});

	it('an authority’s requirements too long, and a channel value on the line it was typed', () => {
		const draft = { ...authorityDraft(undefined, 'es'), ...TEXTS, name: 'MP' };
		expect(shown(authorityEntryOf({ ...draft, requirements: 'r'.repeat(8_001) }, ABOUT, undefined))).toEqual(['requirements refused']);
		const channels = 'phone: +502 2411 9191\n\nemail: not-an-address';
		expect(shown(authorityEntryOf({ ...draft, channels }, ABOUT, undefined))).toEqual(['channels channel 3']);
	});

	it('an offence code the core does not know', () => {
		const draft = { ...authorityDraft(undefined, 'es'), ...TEXTS, name: 'MP', offences: 'fraud, NOT-A-CODE' };
		expect(shown(authorityEntryOf(draft, ABOUT, undefined))).toEqual(['offences refused']);
	});
});
